"""Answer (with a code, no account), results (suppressed aggregates), manage (HR's surveys and codes),
plans (action plans) and exports (XLSX, the MED report).

Each module is one screen family; only urls.py imports them."""
