"""The råderum's screens: areas (a unit's råderum, "Må jeg selv?", an area and its versions), questions
("Spørg om råderummet" and aflæring), poker (delegation poker) and exports (PDF, XLSX, the staff-room board).

Each module is one screen family; only urls.py imports them."""
