// Unread cue of a topic in a list, as text (not colour alone): "neu" for a topic the member never opened,
// "3 neue Beiträge" since the last visit, nothing when read or for guests.
export function unreadCue(isNew: boolean, unread: number | null): string | null {
  if (isNew) return "neu";
  if (unread && unread > 0) return unread === 1 ? "1 neuer Beitrag" : `${unread} neue Beiträge`;
  return null;
}
