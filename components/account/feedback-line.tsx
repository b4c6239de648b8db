import type { Feedback } from "./use-feedback";
import { FAIL, OK } from "./account-styles";

/** The visible result of a save, also announced (status for success, alert for a failure). */
export function FeedbackLine({ feedback, testId }: { feedback: Feedback; testId?: string }) {
  return (
    <p role={feedback?.kind === "fail" ? "alert" : "status"} data-testid={testId} className={feedback?.kind === "fail" ? FAIL : OK}>
      {feedback?.text ?? ""}
    </p>
  );
}
