// A stand-in for what `supabase gen types typescript` writes for HitlAI's project, in the CLI's shape: the
// app's own tables, a view, RPCs and an enum beside Phase-4 layouts of tables whose names Phase 5 reuses.
// tests/test_typescript.py merges it with `hitlai-schema types typescript`.
export type Json =
  | string
  | number
  | boolean
  | null
  | { [key: string]: Json | undefined }
  | Json[]

export type Database = {
  // Allows to automatically instantiate createClient with right options
  // instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)
  __InternalSupabase: {
    PostgrestVersion: "13.0.5"
  }
  graphql_public: {
    Tables: {
      [_ in never]: never
    }
    Views: {
      [_ in never]: never
    }
    Functions: {
      graphql: {
        Args: {
          extensions?: Json
          operationName?: string
          query?: string
          variables?: Json
        }
        Returns: Json
      }
    }
    Enums: {
      [_ in never]: never
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
  public: {
    Tables: {
      page_performance: {
        Row: {
          id: string
          page_url: string
          session_id: string | null
          page_load_time: number | null
          created_at: string | null
        }
        Insert: {
          id?: string
          page_url: string
          session_id?: string | null
          page_load_time?: number | null
          created_at?: string | null
        }
        Update: {
          id?: string
          page_url?: string
          session_id?: string | null
          page_load_time?: number | null
          created_at?: string | null
        }
        Relationships: []
      }
      profiles: {
        Row: {
          created_at: string
          display_name: string | null
          handle: string
          id: string
          role: Database["public"]["Enums"]["app_role"]
        }
        Insert: {
          created_at?: string
          display_name?: string | null
          handle: string
          id: string
          role?: Database["public"]["Enums"]["app_role"]
        }
        Update: {
          created_at?: string
          display_name?: string | null
          handle?: string
          id?: string
          role?: Database["public"]["Enums"]["app_role"]
        }
        Relationships: []
      }
      projects: {
        Row: {
          company_id: string
          id: string
          last_test_run_id: string | null
          name: string
          owner_id: string
        }
        Insert: {
          company_id: string
          id?: string
          last_test_run_id?: string | null
          name: string
          owner_id: string
        }
        Update: {
          company_id?: string
          id?: string
          last_test_run_id?: string | null
          name?: string
          owner_id?: string
        }
        Relationships: [
          {
            foreignKeyName: "projects_company_id_fkey"
            columns: ["company_id"]
            isOneToOne: false
            referencedRelation: "companies"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "projects_last_test_run_id_fkey"
            columns: ["last_test_run_id"]
            isOneToOne: false
            referencedRelation: "test_runs"
            referencedColumns: ["id"]
          },
          {
            foreignKeyName: "projects_owner_id_fkey"
            columns: ["owner_id"]
            isOneToOne: false
            referencedRelation: "profiles"
            referencedColumns: ["id"]
          },
        ]
      }
    }
    Views: {
      active_projects: {
        Row: {
          id: string | null
          name: string | null
          run_count: number | null
        }
        Relationships: []
      }
    }
    Functions: {
      check_rate_limit: {
        Args: { p_endpoint: string; p_max_requests?: number; p_user_id: string }
        Returns: boolean
      }
      project_stats: {
        Args: { p_project_id: string }
        Returns: {
          failed_runs: number
          project_id: string
          run_count: number
        }[]
      }
    }
    Enums: {
      app_role: "admin" | "member" | "viewer"
    }
    CompositeTypes: {
      [_ in never]: never
    }
  }
}

type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, "public">]

export type Tables<Name extends keyof (DefaultSchema["Tables"] & DefaultSchema["Views"])> = (DefaultSchema["Tables"] &
  DefaultSchema["Views"])[Name] extends { Row: infer Row }
  ? Row
  : never

export type Enums<Name extends keyof DefaultSchema["Enums"]> = DefaultSchema["Enums"][Name]

export const Constants = {
  graphql_public: {
    Enums: {},
  },
  public: {
    Enums: {
      app_role: ["admin", "member", "viewer"],
    },
  },
} as const
