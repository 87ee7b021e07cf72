"""Who may follow a background job. The jobs app sits below every domain app and imports none of them:
who may see every job is the permission "jobs.view_all_jobs", which the organisation app grants (HR)."""

import rules


@rules.predicate
def started_job(user, job) -> bool:
    return job is not None and job.created_by_id == user.pk


@rules.predicate
def may_see_all_jobs(user) -> bool:
    return user.has_perm("jobs.view_all_jobs")


can_view_job = started_job | may_see_all_jobs
rules.add_perm("jobs.view_job", can_view_job)
