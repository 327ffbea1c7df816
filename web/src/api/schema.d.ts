// Generated from /api/openapi.json by `npm run gen:api` (web/scripts/gen-api.mjs).
// Do not edit: regenerate after changing the API.

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness, database and model readiness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HealthOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HealthOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/interview/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score an answer: score, concepts covered and missed, feedback, reference, mastery */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AnswerIn"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnswerOut"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/interview/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your past answers, newest first, a page at a time */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    per_page?: number;
                    topic?: string | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HistoryOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/interview/questions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a question set built from your profile, resume, job and mastery */
        get: {
            parameters: {
                query?: {
                    count?: number;
                    difficulty?: "entry" | "mid" | "senior" | null;
                    kind?: "technical" | "resume" | "behavioral" | "role" | "mixed" | "mock";
                    seed?: string | null;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QuestionsOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        put?: never;
        /** Add your own practice question with a model answer */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CustomQuestionIn"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CustomQuestionOut"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/interview/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your practice sessions, newest first */
        get: {
            parameters: {
                query?: {
                    page?: number;
                    per_page?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionListOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        put?: never;
        /** Start a practice session with its questions */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SessionIn"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionOut"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/interview/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a practice session */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    session_id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SessionOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/interview/sessions/{session_id}/finish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish a practice session and get its summary */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    session_id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SummaryResponse"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with username or email */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LoginIn"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuthOut"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the access token presented and, if given, a refresh token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["LogoutIn"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessageOut"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mastery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List your mastery per topic: level, attempts, trend, last practised, due date */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MasteryListOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read your profile */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProfileOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for a new access token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccessTokenOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RegisterIn"];
                };
            };
            responses: {
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuthOut"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Conflict */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download your progress report (PDF) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/pdf": string;
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete your resume, its index, its analysis and the practice that quotes them */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessageOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resume/analysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the latest stored resume analysis */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnalysisOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resume/fit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Score the stored resume against another job description */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["JobDescriptionIn"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FitOut"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resume/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search your own resume semantically */
        get: {
            parameters: {
                query: {
                    k?: number;
                    q: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SearchOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/update_profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Update your profile (partial) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProfileUpdateIn"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProfileUpdateOut"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/upload_resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a resume (PDF or DOCX) with the target job description */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "multipart/form-data": components["schemas"]["UploadForm"];
                };
            };
            responses: {
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AnalysisOut"];
                    };
                };
                /** @description Malformed request */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Missing, expired, revoked or invalid token */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Upload too large */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Unsupported content type */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Invalid data */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Rate limit reached */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description Not ready: the database is unreachable or busy */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
                /** @description No storage space left on the server */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ErrorOut"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** AccessTokenOut */
        AccessTokenOut: {
            /** Access Token */
            access_token: string;
        };
        /** AnalysisData */
        AnalysisData: {
            /** Certifications */
            certifications: string[];
            /** Chunks Processed */
            chunks_processed: number;
            /** Education */
            education: string[];
            /** Experience Years */
            experience_years: number;
            /**
             * Experience Years Exact
             * @default null
             */
            experience_years_exact?: number | null;
            /**
             * Internship Years
             * @default null
             */
            internship_years?: number | null;
            /** Internships */
            internships: string[];
            /** Jd Embedding Stored */
            jd_embedding_stored: boolean;
            job_fit_analysis: components["schemas"]["JobFitOut"];
            /** Projects */
            projects: string[];
            /** Rag Ready */
            rag_ready: boolean;
            /** Skills */
            skills: string[];
            /**
             * Warnings
             * @description What the parser could not read, as sentences saying what to check (e.g. job titles without dates, no education section); empty when nothing was missed
             */
            warnings?: string[];
        } & {
            [key: string]: unknown;
        };
        /** AnalysisOut */
        AnalysisOut: {
            data: components["schemas"]["AnalysisData"];
            /** Message */
            message: string;
            /**
             * Success
             * @default true
             */
            success?: boolean;
        };
        /** AnswerIn */
        AnswerIn: {
            /**
             * Answer
             * @description The answer: not blank, at most 4000 characters (else 422)
             */
            answer: string;
            /** Question Id */
            question_id: string;
            /**
             * Session Id
             * @description The session the question belongs to, if any
             * @default null
             */
            session_id?: number | null;
        };
        /** AnswerMasteryOut */
        AnswerMasteryOut: {
            /** Attempts */
            attempts: number;
            /** Change */
            change: number;
            /**
             * Difficulty
             * @enum {string}
             */
            difficulty: "entry" | "mid" | "senior";
            /**
             * Due
             * @description Next review (FSRS); null: never practised
             */
            due: string | null;
            /** Due Now */
            due_now: boolean;
            /** Last Practiced */
            last_practiced: string | null;
            /**
             * Level
             * @description Moving average of scores (alpha 0.35), 0-1
             */
            level: number;
            /**
             * Level Before
             * @description null: the topic's first attempt
             */
            level_before: number | null;
            /** Name */
            name: string;
            /** Recent Scores */
            recent_scores: number[];
            /**
             * Topic
             * @description Topic slug (bank topic) or your own topic's name
             */
            topic: string;
            /**
             * Trend
             * @enum {string}
             */
            trend: "new" | "improving" | "steady" | "declining";
            /** Trend Slope */
            trend_slope: number;
            /** Weak */
            weak: boolean;
        };
        /** AnswerOut */
        AnswerOut: {
            result: components["schemas"]["AnswerResult"];
            /**
             * Success
             * @default true
             */
            success?: boolean;
        };
        /** AnswerResult */
        AnswerResult: {
            /** Attempt Id */
            attempt_id: number;
            /** Concepts Covered */
            concepts_covered: string[];
            /** Concepts Missed */
            concepts_missed: string[];
            /**
             * Difficulty
             * @enum {string}
             */
            difficulty: "entry" | "mid" | "senior";
            /**
             * Feedback
             * @description Sentences: verdict first, then what to improve
             */
            feedback: string[];
            /** Key Concepts */
            key_concepts: string[];
            mastery: components["schemas"]["AnswerMasteryOut"];
            /** Question Id */
            question_id: string;
            /** Reference Answer */
            reference_answer: string;
            /** Score */
            score: number;
            /** Session Id */
            session_id: number | null;
            /** Topic */
            topic: string;
        };
        /** AttemptOut */
        AttemptOut: {
            /** Answer */
            answer: string;
            /** Concepts Covered */
            concepts_covered: string[];
            /** Concepts Missed */
            concepts_missed: string[];
            /** Created At */
            created_at: string;
            /** Difficulty */
            difficulty: string;
            /** Feedback */
            feedback: string[];
            /** Id */
            id: number;
            /** Kind */
            kind: string;
            /** Question */
            question: string;
            /** Question Id */
            question_id: string;
            /** Score */
            score: number;
            /** Session Id */
            session_id: number | null;
            /** Source */
            source: {
                [key: string]: unknown;
            } | null;
            /** Topic */
            topic: string;
        };
        /** AuthOut */
        AuthOut: {
            /** Access Token */
            access_token: string;
            /** Refresh Token */
            refresh_token: string;
            /**
             * Success
             * @default true
             */
            success?: boolean;
            user: components["schemas"]["UserOut"];
        };
        /** ConceptIn */
        ConceptIn: {
            /**
             * Accept
             * @description Other wordings that count
             */
            accept?: string[];
            /** Name */
            name: string;
        };
        /** CustomQuestionIn */
        CustomQuestionIn: {
            /**
             * Key Concepts
             * @description Concepts an answer should cover; derived from the reference when left out
             * @default null
             */
            key_concepts?: (string | components["schemas"]["ConceptIn"])[] | null;
            /**
             * Question
             * @description The question to practise
             */
            question: string;
            /**
             * Reference Answer
             * @description Your model answer: answers are scored against it
             */
            reference_answer: string;
            /**
             * Topic
             * @description A skill or topic ('Postgres'); mapped to the bank's topic when it has one
             * @default null
             */
            topic?: string | null;
        };
        /** CustomQuestionOut */
        CustomQuestionOut: {
            question: components["schemas"]["QuestionOut"];
            /**
             * Success
             * @default true
             */
            success?: boolean;
        };
        /** ErrorOut */
        ErrorOut: {
            /**
             * Errors
             * @default null
             */
            errors?: {
                [key: string]: string;
            } | null;
            /** Message */
            message: string;
            /**
             * Success
             * @default false
             */
            success?: boolean;
        };
        /** FitOut */
        FitOut: {
            job_fit_analysis: components["schemas"]["JobFitOut"];
            /**
             * Success
             * @default true
             */
            success?: boolean;
        };
        /** HealthOut */
        HealthOut: {
            /** Database */
            database: string;
            /** Model */
            model: string;
            /** Status */
            status: string;
        };
        /** HistoryOut */
        HistoryOut: {
            /**
             * Attempts
             * @description Newest first
             */
            attempts: components["schemas"]["AttemptOut"][];
            /** Page */
            page: number;
            /** Pages */
            pages: number;
            /** Per Page */
            per_page: number;
            /**
             * Success
             * @default true
             */
            success?: boolean;
            /** Total */
            total: number;
        };
        /** JobDescriptionIn */
        JobDescriptionIn: {
            /**
             * Job Description
             * @description The job description text; not blank once control characters are removed
             */
            job_description: string;
        };
        /** JobFitOut */
        JobFitOut: {
            /**
             * Candidate Years
             * @default null
             */
            candidate_years?: number | null;
            /** Experience Fit */
            experience_fit: string;
            /** Keyword Score */
            keyword_score: number;
            /** Matching Skills */
            matching_skills: string[];
            /** Missing Skills */
            missing_skills: string[];
            /**
             * Overall Score
             * @default null
             */
            overall_score?: number | null;
            /**
             * Required Skills
             * @description The job's skills named as requirements, not as nice-to-have or in boilerplate
             */
            required_skills?: string[];
            /**
             * Required Years
             * @default null
             */
            required_years?: number | null;
            /**
             * Required Years Max
             * @default null
             */
            required_years_max?: number | null;
            /** Semantic Score */
            semantic_score: number;
        } & {
            [key: string]: unknown;
        };
        /** LoginIn */
        LoginIn: {
            /**
             * Email
             * @description Email, as an alternative to username
             * @default null
             */
            email?: string | null;
            /** Password */
            password: string;
            /**
             * Username
             * @description Username or email
             * @default null
             */
            username?: string | null;
        };
        /** LogoutIn */
        LogoutIn: {
            /**
             * Refresh Token
             * @default null
             */
            refresh_token?: string | null;
        };
        /** MasteryChangeOut */
        MasteryChangeOut: {
            /** After */
            after: number | null;
            /**
             * Before
             * @description Level before the session; null: a new topic
             */
            before: number | null;
            /** Change */
            change: number | null;
            /** Topic */
            topic: string;
        };
        /** MasteryListOut */
        MasteryListOut: {
            /**
             * Success
             * @default true
             */
            success?: boolean;
            /**
             * Topics
             * @description Weakest first, then due, new, the rest
             */
            topics: components["schemas"]["MasteryOut"][];
        };
        /** MasteryOut */
        MasteryOut: {
            /** Attempts */
            attempts: number;
            /**
             * Difficulty
             * @enum {string}
             */
            difficulty: "entry" | "mid" | "senior";
            /**
             * Due
             * @description Next review (FSRS); null: never practised
             */
            due: string | null;
            /** Due Now */
            due_now: boolean;
            /** Last Practiced */
            last_practiced: string | null;
            /**
             * Level
             * @description Moving average of scores (alpha 0.35), 0-1
             */
            level: number;
            /** Name */
            name: string;
            /** Recent Scores */
            recent_scores: number[];
            /**
             * Topic
             * @description Topic slug (bank topic) or your own topic's name
             */
            topic: string;
            /**
             * Trend
             * @enum {string}
             */
            trend: "new" | "improving" | "steady" | "declining";
            /** Trend Slope */
            trend_slope: number;
            /** Weak */
            weak: boolean;
        };
        /** MessageOut */
        MessageOut: {
            /** Message */
            message: string;
            /**
             * Success
             * @default true
             */
            success?: boolean;
        };
        /** ProfileOut */
        ProfileOut: {
            user: components["schemas"]["UserOut"];
        };
        /** ProfileUpdateIn */
        ProfileUpdateIn: {
            /** Experience Years */
            experience_years?: number;
            /**
             * Full Name
             * @description At most 100 characters; null clears
             * @default null
             */
            full_name?: string | null;
            /**
             * Phone
             * @description At most 20 of digits, spaces and + - ( ) .; null clears
             * @default null
             */
            phone?: string | null;
            /** Skills */
            skills?: string[];
        };
        /** ProfileUpdateOut */
        ProfileUpdateOut: {
            /** Message */
            message: string;
            /**
             * Success
             * @default true
             */
            success?: boolean;
            user: components["schemas"]["UserOut"];
        };
        /** ProgressOut */
        ProgressOut: {
            /** Answered */
            answered: number;
            /**
             * Mean Score
             * @description Mean of the latest scores; null: none yet
             */
            mean_score: number | null;
            /** Total */
            total: number;
        };
        /**
         * QuestionOut
         * @description A question as shown before it is answered: no reference answer, no key concepts.
         */
        QuestionOut: {
            /**
             * Difficulty
             * @enum {string}
             */
            difficulty: "entry" | "mid" | "senior";
            /**
             * Id
             * @description Stable id: send it back with the answer
             */
            id: string;
            /** Kind */
            kind: string;
            /** Question */
            question: string;
            /**
             * Source
             * @description What a resume, behavioural or role question is about
             * @default null
             */
            source?: {
                [key: string]: unknown;
            } | null;
            /** Topic */
            topic: string;
        };
        /** QuestionScoreOut */
        QuestionScoreOut: {
            /** Attempts */
            attempts: number;
            /** Kind */
            kind: string;
            /** Question */
            question: string;
            /** Question Id */
            question_id: string;
            /**
             * Score
             * @description The latest answer's score; null: unanswered
             */
            score: number | null;
            /** Topic */
            topic: string;
        };
        /** QuestionsOut */
        QuestionsOut: {
            /** Count */
            count: number;
            /** Kind */
            kind: string;
            /** Questions */
            questions: components["schemas"]["QuestionOut"][];
            /**
             * Success
             * @default true
             */
            success?: boolean;
        };
        /** RegisterIn */
        RegisterIn: {
            /**
             * Email
             * @description A valid address, at most 120 characters
             */
            email: string;
            /**
             * Full Name
             * @description At most 100 characters
             * @default null
             */
            full_name?: string | null;
            /**
             * Password
             * @description 8-128 characters
             */
            password: string;
            /**
             * Username
             * @description 3-20 letters, digits, '_', '.' or '-'; unique (any case)
             */
            username: string;
        };
        /**
         * ResultOut
         * @description The latest scored answer to a session question; the reference is shown once answered.
         */
        ResultOut: {
            /** Answer */
            answer: string;
            /** Concepts Covered */
            concepts_covered: string[];
            /** Concepts Missed */
            concepts_missed: string[];
            /** Feedback */
            feedback: string[];
            /** Reference Answer */
            reference_answer: string;
            /** Score */
            score: number;
        };
        /** ReviewOut */
        ReviewOut: {
            /** Concept */
            concept: string;
            /** Question Id */
            question_id: string;
            /** Topic */
            topic: string;
        };
        /** SearchHit */
        SearchHit: {
            /** Position */
            position: number;
            /** Score */
            score: number;
            /** Section */
            section: string;
            /** Text */
            text: string;
        };
        /** SearchOut */
        SearchOut: {
            /** Query */
            query: string;
            /** Results */
            results: components["schemas"]["SearchHit"][];
            /**
             * Success
             * @default true
             */
            success?: boolean;
        };
        /** SessionBrief */
        SessionBrief: {
            /** Created At */
            created_at: string;
            /**
             * Difficulty
             * @enum {string|null}
             */
            difficulty: "entry" | "mid" | "senior" | null;
            /** Finished At */
            finished_at: string | null;
            /** Id */
            id: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "mock" | "technical" | "resume" | "behavioral" | "role";
            progress: components["schemas"]["ProgressOut"];
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "finished";
        };
        /** SessionDetail */
        SessionDetail: {
            /** Created At */
            created_at: string;
            /**
             * Difficulty
             * @enum {string|null}
             */
            difficulty: "entry" | "mid" | "senior" | null;
            /** Finished At */
            finished_at: string | null;
            /** Id */
            id: number;
            /**
             * Kind
             * @enum {string}
             */
            kind: "mock" | "technical" | "resume" | "behavioral" | "role";
            progress: components["schemas"]["ProgressOut"];
            /** Questions */
            questions: components["schemas"]["SessionQuestionOut"][];
            /**
             * Status
             * @enum {string}
             */
            status: "open" | "finished";
            /** @description Set when the session is finished */
            summary: components["schemas"]["SummaryOut"] | null;
        };
        /** SessionIn */
        SessionIn: {
            /**
             * Count
             * @description How many questions
             * @default 5
             */
            count?: number;
            /**
             * Difficulty
             * @description Overrides the level from experience years and mastery
             * @default null
             * @enum {string|null}
             */
            difficulty?: "entry" | "mid" | "senior" | null;
            /**
             * Kind
             * @description mock mixes resume, technical (the job's gaps first), behavioural and role
             * @enum {string}
             */
            kind: "mock" | "technical" | "resume" | "behavioral" | "role";
            /**
             * Seed
             * @description Any text: another reproducible set
             * @default null
             */
            seed?: string | null;
        };
        /** SessionListOut */
        SessionListOut: {
            /** Page */
            page: number;
            /** Pages */
            pages: number;
            /** Per Page */
            per_page: number;
            /**
             * Sessions
             * @description Newest first
             */
            sessions: components["schemas"]["SessionBrief"][];
            /**
             * Success
             * @default true
             */
            success?: boolean;
            /** Total */
            total: number;
        };
        /** SessionOut */
        SessionOut: {
            session: components["schemas"]["SessionDetail"];
            /**
             * Success
             * @default true
             */
            success?: boolean;
        };
        /** SessionQuestionOut */
        SessionQuestionOut: {
            /** Answered */
            answered: boolean;
            /**
             * Difficulty
             * @enum {string}
             */
            difficulty: "entry" | "mid" | "senior";
            /**
             * Id
             * @description Stable id: send it back with the answer
             */
            id: string;
            /** Kind */
            kind: string;
            /** Question */
            question: string;
            /** @description null until the question is answered */
            result: components["schemas"]["ResultOut"] | null;
            /**
             * Source
             * @description What a resume, behavioural or role question is about
             * @default null
             */
            source?: {
                [key: string]: unknown;
            } | null;
            /** Topic */
            topic: string;
        };
        /** SummaryOut */
        SummaryOut: {
            /** Answered */
            answered: number;
            /**
             * Concepts To Review
             * @description From the lowest-scored answer on
             */
            concepts_to_review: components["schemas"]["ReviewOut"][];
            /** Mastery Change */
            mastery_change: components["schemas"]["MasteryChangeOut"][];
            /** Mean Score */
            mean_score: number | null;
            /** Per Question */
            per_question: components["schemas"]["QuestionScoreOut"][];
            /** Questions */
            questions: number;
            /** Strongest Topics */
            strongest_topics: components["schemas"]["TopicScoreOut"][];
            /**
             * Topics
             * @description Answered topics, best mean score first
             */
            topics: components["schemas"]["TopicScoreOut"][];
            /** Weakest Topics */
            weakest_topics: components["schemas"]["TopicScoreOut"][];
        };
        /** SummaryResponse */
        SummaryResponse: {
            session: components["schemas"]["SessionDetail"];
            /**
             * Success
             * @default true
             */
            success?: boolean;
            summary: components["schemas"]["SummaryOut"];
        };
        /** TopicScoreOut */
        TopicScoreOut: {
            /** Answered */
            answered: number;
            /** Mean Score */
            mean_score: number;
            /** Topic */
            topic: string;
        };
        /**
         * UploadForm
         * @description The multipart form of an upload: the file and the job it is aimed at.
         */
        UploadForm: {
            /**
             * Job Description
             * @description The job description text; not blank once control characters are removed
             */
            job_description: string;
            /**
             * Resume
             * Format: binary
             * @description PDF or DOCX
             */
            resume: string;
        };
        /**
         * UserOut
         * @description The public profile, exactly as the docs page shows it; read from a User row.
         */
        UserOut: {
            /** Created At */
            created_at: string;
            /** Email */
            email: string;
            /** Experience Years */
            experience_years: number;
            /** Full Name */
            full_name: string | null;
            /** Id */
            id: number;
            /** Phone */
            phone: string | null;
            /** Resume Filename */
            resume_filename: string | null;
            /** Skills */
            skills: string[];
            /** Username */
            username: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
