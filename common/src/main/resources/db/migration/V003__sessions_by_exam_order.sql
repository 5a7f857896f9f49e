-- An exam's sessions in SessionId order (an index's key ends with the table's key), so that a
-- proctor's unfiltered list seeks to its page instead of reading and sorting every session of the
-- exam for each page of 100 (1.4 million for a national exam). SessionsByExam (ExamId, Status)
-- serves the list filtered by status the same way.
CREATE INDEX SessionsByExamOrder ON Sessions (ExamId);
