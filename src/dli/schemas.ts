// The parts of DLI's answers the action relies on, validated (other fields are ignored).
import { z } from 'zod';

const tag = z.object({ key: z.string(), value: z.string() });

export const submitJobResponse = z.object({
  is_success: z.boolean().nullish(),
  message: z.string().nullish(),
  job_id: z.string().min(1),
  job_type: z.string().nullish(),
  job_mode: z.string().nullish(),
});

export const jobStatusResponse = z.object({
  is_success: z.boolean().nullish(),
  message: z.string().nullish(),
  job_id: z.string().nullish(),
  status: z.string().min(1),
  duration: z.number().nullish(),
});

export const listJobsResponse = z.object({
  is_success: z.boolean().nullish(),
  message: z.string().nullish(),
  job_count: z.number().nullish(),
  jobs: z
    .array(
      z.object({
        job_id: z.string(),
        status: z.string(),
        statement: z.string().nullish(),
        tags: z.array(tag).nullish(),
        message: z.string().nullish(),
        start_time: z.number().nullish(),
      }),
    )
    .nullish(),
});

export const checkSqlResponse = z.object({
  is_success: z.boolean().nullish(),
  message: z.string().nullish(),
  job_type: z.string().nullish(),
});

export const cancelJobResponse = z.object({
  is_success: z.boolean().nullish(),
  message: z.string().nullish(),
});
