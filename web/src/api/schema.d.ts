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
                /** @description Not ready */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["HealthOut"];
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
            };
        };
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
            };
        };
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
        /** Delete your resume, its index and its analysis */
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
