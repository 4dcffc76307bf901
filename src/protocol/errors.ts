// The one table of error codes of job requests, the same from a job process to the server and from the
// server to the editor: the user's input is bad (data or model file; the message names file:line),
// the job was cancelled, or it failed otherwise (a crash or a bug).
export const JOB_ERROR = { data: 1, cancelled: 2, failed: 3 } as const;
export type JobErrorCode = (typeof JOB_ERROR)[keyof typeof JOB_ERROR];
