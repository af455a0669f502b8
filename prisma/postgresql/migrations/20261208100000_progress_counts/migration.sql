-- CreateIndex
CREATE INDEX "Attempt_userId_questionId_correct_createdAt_idx" ON "Attempt"("userId", "questionId", "correct", "createdAt");
