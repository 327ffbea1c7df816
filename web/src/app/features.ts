import { useQuery } from "@tanstack/react-query";
import { api } from "../api/endpoints";

export interface Features {
  practice: boolean;
  progress: boolean;
}

/** Tell which optional screens the server's OpenAPI document supports. */
export function featuresFrom(paths: string[]): Features {
  const has = (p: string) => paths.includes(p);
  return {
    practice: has("/api/interview/sessions") && has("/api/interview/answer"),
    progress: has("/api/mastery") && has("/api/interview/history"),
  };
}

/** Read the server's features once per page load. */
export function useFeatures(): Features {
  const { data } = useQuery({
    queryKey: ["openapi-paths"],
    queryFn: api.openapiPaths,
    staleTime: Infinity,
    retry: 1,
  });
  return featuresFrom(data ?? []);
}
