/** The workspace an interaction came from; team is absent only on org-wide payloads, where the user's own team counts. */
export function teamIdOf(body: { team?: { id: string } | null; user: { team_id?: string } }): string {
  return body.team?.id ?? body.user.team_id ?? '';
}
