// Emoji shortcodes Baton uses, as Slack draws them; any other shortcode is shown as a :name: chip.
import { escapeHtml } from "./html.js";

const EMOJI: Record<string, string> = {
  white_check_mark: "✅",
  warning: "⚠️",
  hourglass_flowing_sand: "⏳",
  hourglass: "⌛",
  rotating_light: "🚨",
  large_green_circle: "🟢",
  large_yellow_circle: "🟡",
  red_circle: "🔴",
  white_circle: "⚪",
  black_circle: "⚫",
  wastebasket: "🗑️",
  palm_tree: "🌴",
  lock: "🔒",
  information_source: "ℹ️",
  alarm_clock: "⏰",
  trophy: "🏆",
  repeat: "🔁",
  page_facing_up: "📄",
  outbox_tray: "📤",
  inbox_tray: "📥",
  mega: "📣",
  leftwards_arrow_with_hook: "↩️",
  handshake: "🤝",
  gear: "⚙️",
  briefcase: "💼",
  books: "📚",
  bar_chart: "📊",
  chart_with_upwards_trend: "📈",
  tada: "🎉",
  bell: "🔔",
  calendar: "📆",
  spiral_calendar_pad: "🗓️",
  bust_in_silhouette: "👤",
  busts_in_silhouette: "👥",
  email: "📧",
  link: "🔗",
  memo: "📝",
  moneybag: "💰",
  dart: "🎯",
  clipboard: "📋",
  x: "❌",
  heavy_check_mark: "✔️",
  zzz: "💤",
  sparkles: "✨",
  arrow_right: "➡️",
  eyes: "👀",
  star: "⭐",
  fire: "🔥",
  mag: "🔍",
  pushpin: "📌",
  raising_hand: "🙋",
  wave: "👋",
  speech_balloon: "💬",
  seedling: "🌱",
  recycle: "♻️",
  arrows_counterclockwise: "🔄",
  no_entry: "⛔",
  question: "❓",
  key: "🔑",
};

/** Replaces :shortcodes: in already-escaped HTML text; "9:00-17:30" is a time, not a shortcode. */
export function emojify(html: string): string {
  return html.replace(/(?<![0-9]):([a-z0-9_+-]*[a-z][a-z0-9_+-]*):/g, (_, name: string) => {
    const emoji = EMOJI[name];
    if (emoji) return `<span class="emoji" title=":${name}:">${emoji}</span>`;
    return `<span class="emoji-chip">:${escapeHtml(name)}:</span>`;
  });
}
