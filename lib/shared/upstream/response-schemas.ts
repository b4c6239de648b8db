import { z } from "zod";
import { idSchema } from "../ids";

// Response bodies (docs/upstream.md). Parsing is tolerant of extra fields and of task statuses the
// documentation does not list (the live API may add some; the python SDK's own loop already meets
// SUBMITTED): only `id` on create and at least one video URL on SUCCESS are required. A status other
// than SUCCESS or FAIL means "not done yet", so an unknown one keeps the take polling instead of
// making an accepted (paid) create look ambiguous or failing a running task.

/** Ids are opaque (25-digit, 36-digit and timestamp+hex forms seen); only their charset is checked. */
export const taskIdSchema = idSchema;

export const createTaskResponseSchema = z.looseObject({
  id: taskIdSchema,
  model: z.string().optional(),
  request_id: z.string().optional(),
  task_status: z.string().optional(),
});
export type CreateTaskResponse = z.infer<typeof createTaskResponseSchema>;

const videoResultSchema = z.looseObject({
  url: z.url(),
  cover_image_url: z.url().optional(),
});
type VideoResult = z.infer<typeof videoResultSchema>;

type TaskStatus = "PROCESSING" | "SUCCESS" | "FAIL";

export const taskResultResponseSchema = z
  .looseObject({
    id: z.string().optional(),
    model: z.string().optional(),
    request_id: z.string().optional(),
    task_status: z.string(),
    video_result: z.array(videoResultSchema).optional(),
  })
  .refine((r) => r.task_status !== "SUCCESS" || (r.video_result?.length ?? 0) > 0, {
    message: "SUCCESS without video_result",
    path: ["video_result"],
  })
  .transform(
    (r): TaskResultResponse => ({
      ...(r.id === undefined ? {} : { id: r.id }),
      ...(r.model === undefined ? {} : { model: r.model }),
      ...(r.request_id === undefined ? {} : { request_id: r.request_id }),
      task_status: r.task_status === "SUCCESS" || r.task_status === "FAIL" ? r.task_status : "PROCESSING",
      ...(r.video_result === undefined ? {} : { video_result: r.video_result }),
    }),
  );
/** A poll result with every status but SUCCESS and FAIL folded into PROCESSING, unknown fields dropped. */
export interface TaskResultResponse {
  id?: string;
  model?: string;
  request_id?: string;
  task_status: TaskStatus;
  video_result?: VideoResult[];
}

/** `{"error":{"code":"1302","message":"…"}}`; code is a string (an integer would be a contract break). */
export const errorEnvelopeSchema = z.looseObject({
  error: z.looseObject({ code: z.string(), message: z.string().optional() }),
});

/** POST /images/generations → `{created, data: [{url}]}`; extra fields (content_filter, …) tolerated. */
export const imageResponseSchema = z.looseObject({
  created: z.number().int(),
  data: z.array(z.looseObject({ url: z.url() })).min(1),
});
