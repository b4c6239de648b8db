import "server-only";
import { videoCreateRequestSchema, type VideoCreateRequest } from "@/lib/shared/upstream/request-schemas";
import {
  createTaskResponseSchema,
  taskIdSchema,
  taskResultResponseSchema,
  type CreateTaskResponse,
  type TaskResultResponse,
} from "@/lib/shared/upstream/response-schemas";
import { createExchange, requestTimeoutFor, type BigModelClientOptions } from "./upstream-exchange";

// Typed client for the two video endpoints. It never retries: callers own retry policy, and a create
// must not be re-sent blindly (a second accept is a second charge). Every failure becomes one
// UpstreamError whose `kind` says what the caller may do next (upstream-exchange.ts).

export type { BigModelClientOptions };
export { requestTimeoutFor };

export interface BigModelClient {
  createVideoTask(request: VideoCreateRequest): Promise<CreateTaskResponse>;
  getTaskResult(id: string): Promise<TaskResultResponse>;
}

export function createBigModelClient(options: BigModelClientOptions): BigModelClient {
  const { call, fail: err } = createExchange(options);

  return {
    async createVideoTask(request) {
      const checked = videoCreateRequestSchema.safeParse(request);
      if (!checked.success) {
        const where = checked.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
        throw err("create", "rejected", 0, "invalid-request", `create: request rejected before sending (${where})`);
      }
      return call("create", "POST", "/videos/generations", createTaskResponseSchema, checked.data);
    },
    async getTaskResult(id) {
      if (!taskIdSchema.safeParse(id).success) {
        throw err("query", "task-missing", 0, "invalid-id", "query: task id has an impossible form");
      }
      return call("query", "GET", `/async-result/${encodeURIComponent(id)}`, taskResultResponseSchema);
    },
  };
}
