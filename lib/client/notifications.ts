/** Browser notifications: only asked for from a button, only used once granted. */
export type NotifyPermission = NotificationPermission | "unsupported";

export function notifyPermission(): NotifyPermission {
  if (typeof window === "undefined" || !("Notification" in window)) return "unsupported";
  return Notification.permission;
}

export async function requestNotifyPermission(): Promise<NotifyPermission> {
  if (notifyPermission() === "unsupported") return "unsupported";
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/** Shows a notification if permitted and the page is not in front of the user (the page announces it otherwise). */
export function notifyIfAway(title: string, body: string, tag: string, onClick?: () => void): void {
  if (notifyPermission() !== "granted") return;
  if (document.visibilityState === "visible" && document.hasFocus()) return;
  try {
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      onClick?.();
      n.close();
    };
  } catch {
    // Some platforms (Android Chrome) only allow notifications from a service worker: skip quietly.
  }
}
