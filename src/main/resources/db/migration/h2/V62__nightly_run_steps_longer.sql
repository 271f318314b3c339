-- The steps' outcomes of a nightly run are JSON that the runs screen parses; with the pipeline's nine steps it passed
-- the 1,000 characters of V16, was cut, and the screen showed no steps. 8,000 characters hold far more steps.
alter table nightly_run alter column steps set data type varchar(8000);
