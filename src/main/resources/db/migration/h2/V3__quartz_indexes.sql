-- Indexes for the queries Quartz's JDBC job store runs (the H2 script in the Quartz jar creates none).
-- Acquiring due triggers and scanning for misfires:
CREATE INDEX qrtz_triggers_due ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_STATE, NEXT_FIRE_TIME);
CREATE INDEX qrtz_triggers_next_fire ON QRTZ_TRIGGERS (SCHED_NAME, NEXT_FIRE_TIME);
CREATE INDEX qrtz_triggers_misfire ON QRTZ_TRIGGERS (SCHED_NAME, MISFIRE_INSTR, NEXT_FIRE_TIME, TRIGGER_STATE);
CREATE INDEX qrtz_triggers_misfire_group
    ON QRTZ_TRIGGERS (SCHED_NAME, MISFIRE_INSTR, NEXT_FIRE_TIME, TRIGGER_GROUP, TRIGGER_STATE);
-- Triggers by job, group, calendar and state (pause/resume, job deletion):
CREATE INDEX qrtz_triggers_job ON QRTZ_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP);
CREATE INDEX qrtz_triggers_job_group ON QRTZ_TRIGGERS (SCHED_NAME, JOB_GROUP);
CREATE INDEX qrtz_triggers_calendar ON QRTZ_TRIGGERS (SCHED_NAME, CALENDAR_NAME);
CREATE INDEX qrtz_triggers_group_state ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_GROUP, TRIGGER_STATE);
CREATE INDEX qrtz_triggers_state ON QRTZ_TRIGGERS (SCHED_NAME, TRIGGER_STATE);
-- Fired triggers by instance (cluster recovery), by job and by trigger:
CREATE INDEX qrtz_fired_instance ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, INSTANCE_NAME, REQUESTS_RECOVERY);
CREATE INDEX qrtz_fired_job ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP);
CREATE INDEX qrtz_fired_job_group ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, JOB_GROUP);
CREATE INDEX qrtz_fired_trigger ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, TRIGGER_NAME, TRIGGER_GROUP);
CREATE INDEX qrtz_fired_trigger_group ON QRTZ_FIRED_TRIGGERS (SCHED_NAME, TRIGGER_GROUP);
-- Jobs that request recovery, and jobs by group:
CREATE INDEX qrtz_jobs_recovery ON QRTZ_JOB_DETAILS (SCHED_NAME, REQUESTS_RECOVERY);
CREATE INDEX qrtz_jobs_group ON QRTZ_JOB_DETAILS (SCHED_NAME, JOB_GROUP);
