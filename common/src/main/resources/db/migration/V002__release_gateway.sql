-- release-gateway: the encrypted paper of each exam. The ciphertext is a content-addressed
-- file (PaperDigest = sha256 hex of its bytes); the AES key is in Vault at VaultPath, never here.
-- One current paper per exam; preparing it again before release replaces it (new key, new file).
CREATE TABLE Papers (
  ExamId STRING(64) NOT NULL,
  PaperDigest STRING(64) NOT NULL,
  VaultPath STRING(256) NOT NULL,
  CiphertextBytes INT64 NOT NULL,
  PreparedBy STRING(256) NOT NULL,
  PreparedAt TIMESTAMP NOT NULL OPTIONS (allow_commit_timestamp = true),
) PRIMARY KEY (ExamId),
  INTERLEAVE IN PARENT Exams ON DELETE CASCADE;

-- The paper a release unlocked, so every gateway fetches the key of exactly that file even if
-- someone prepared the paper again while the release was committing.
ALTER TABLE ExamReleases ADD COLUMN PaperDigest STRING(64);
