import rules

from handlekraft.organisation.rules import is_hr


@rules.predicate
def started_job(user, job) -> bool:
    return job is not None and job.created_by_id == user.pk


can_view_job = started_job | is_hr
rules.add_perm("jobs.view_job", can_view_job)
