// The page's CSS: Slack's look, approximately (Lato-like type, Slack's greens, blues and greys).
export const STYLES = `
* { box-sizing: border-box; }
body { margin: 0; background: #f4f4f4; color: #1d1c1d; font: 15px/1.46668 Lato, "Helvetica Neue", Helvetica, Arial, sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 24px 16px 64px; }
h1 { font-size: 24px; margin: 8px 0 4px; }
h2 { font-size: 19px; margin: 36px 0 12px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.intro { color: #616061; margin: 0 0 16px; }
.toc { font-size: 14px; margin: 0 0 24px; padding-left: 18px; }
.toc a { color: #1264a3; text-decoration: none; }
.toc ul { columns: 2; font-size: 13px; padding-left: 18px; margin: 2px 0 8px; }
.surface { margin: 0 0 32px; }
.caption { font-size: 13px; color: #616061; padding: 6px 14px; background: #f8f8f8; border: 1px solid #ddd; border-bottom: none; border-radius: 8px 8px 0 0; }
.caption b { color: #1d1c1d; }
.caption code { font-size: 12px; }
.frame { background: #fff; border: 1px solid #ddd; border-radius: 0 0 8px 8px; overflow: hidden; width: 800px; max-width: 100%; }
.surface-page .frame { border-radius: 0; border: none; }
.surface-page main { padding: 0; max-width: 800px; }
.surface-page .caption { border-radius: 0; border-left: none; border-right: none; }
.channel-bar { padding: 12px 20px; border-bottom: 1px solid #ddd; font-weight: 900; font-size: 18px; }
.channel-bar small { font-weight: 400; font-size: 13px; color: #616061; }
.message { display: flex; gap: 10px; padding: 14px 20px; }
.avatar { flex: none; width: 36px; height: 36px; border-radius: 6px; background: linear-gradient(135deg, #4a154b, #7c3085); color: #fff; font-weight: 900; display: flex; align-items: center; justify-content: center; }
.body { flex: 1; min-width: 0; }
.sender { font-weight: 900; }
.app-badge { font-size: 10px; font-weight: 700; color: #616061; background: #e8e8e8; border-radius: 3px; padding: 1px 3px; margin: 0 4px; vertical-align: 1px; }
.time { font-size: 12px; color: #616061; }
.ephemeral { font-size: 12px; color: #616061; margin-bottom: 2px; }
.notification { width: 800px; max-width: 100%; font-size: 12px; color: #616061; padding: 4px 14px; }
.block { margin: 4px 0; }
.block.header { font-size: 18px; font-weight: 900; margin: 6px 0; }
.block.section { display: flex; gap: 12px; align-items: flex-start; }
.block.section .main { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.fields { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 24px; margin-top: 4px; }
.block.context { font-size: 13px; color: #616061; display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.block.context .inline-image { width: 20px; height: 20px; border-radius: 4px; }
.block.actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0; align-items: center; }
hr.divider { border: none; border-top: 1px solid #ddd; margin: 12px 0; }
.block.image img { max-width: 100%; border: 1px solid #ddd; border-radius: 8px; display: block; }
.image-title { font-size: 13px; font-weight: 700; margin-bottom: 4px; }
.missing-image { border: 1px dashed #bbb; border-radius: 8px; padding: 24px; color: #616061; font-size: 13px; }
.button { display: inline-block; border: 1px solid #bbbabb; border-radius: 4px; padding: 3px 12px; font-size: 13px; font-weight: 700; background: #fff; white-space: nowrap; }
.button.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
.button.danger { background: #e01e5a; border-color: #e01e5a; color: #fff; }
.block.actions .field.select { min-width: 180px; }
.field { border: 1px solid #bbbabb; border-radius: 4px; padding: 6px 10px; min-height: 36px; display: flex; align-items: center; gap: 6px; flex-wrap: wrap; font-size: 15px; background: #fff; }
.field.multiline { min-height: 84px; align-items: flex-start; }
.field .placeholder { color: #868686; }
.field .caret { margin-left: auto; color: #616061; }
.chip { background: #e8f5fa; border-radius: 4px; padding: 0 6px; font-size: 13px; margin-right: 4px; }
.choices { display: flex; flex-direction: column; gap: 4px; }
.choice { display: flex; gap: 8px; }
.choice .box { color: #616061; }
.choice.on .box { color: #1264a3; }
.block.input { margin: 14px 0; }
.block.input label { display: block; font-weight: 700; margin-bottom: 6px; }
.optional { font-weight: 400; color: #616061; font-size: 13px; }
.hint { font-size: 13px; color: #616061; margin-top: 4px; }
.mention { color: #1264a3; background: #e8f5fa; border-radius: 3px; padding: 0 2px; }
a { color: #1264a3; text-decoration: none; }
code { font: 12px Monaco, Menlo, Consolas, monospace; color: #e01e5a; background: #f8f8f8; border: 1px solid #e2e2e2; border-radius: 3px; padding: 1px 3px; }
pre { font: 12px/1.5 Monaco, Menlo, Consolas, monospace; background: #f8f8f8; border: 1px solid #e2e2e2; border-radius: 4px; padding: 8px; white-space: pre-wrap; margin: 4px 0; }
blockquote { margin: 4px 0; padding-left: 12px; border-left: 4px solid #ddd; }
.emoji-chip { font-size: 12px; background: #f0f0f0; border-radius: 3px; padding: 0 3px; color: #616061; }
.render-error { padding: 16px 20px; color: #e01e5a; }
.unknown { border: 1px dashed #e01e5a; color: #e01e5a; font-size: 12px; padding: 2px 6px; border-radius: 4px; }
.thread { margin: 0 20px 14px 66px; border-left: 3px solid #ddd; padding-left: 12px; }
.thread-title { font-size: 13px; color: #1264a3; font-weight: 700; margin-bottom: 4px; }
.thread .message { padding: 8px 0; }
.backdrop { background: #8d8d8d; padding: 28px 0; }
.modal { width: 520px; max-width: calc(100% - 32px); margin: 0 auto; background: #fff; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.modal-title { display: flex; align-items: center; gap: 10px; padding: 16px 24px; border-bottom: 1px solid #ddd; font-size: 22px; font-weight: 900; }
.modal-title .avatar { width: 24px; height: 24px; font-size: 13px; border-radius: 4px; }
.modal-title .close { margin-left: auto; font-weight: 400; color: #616061; }
.modal-body { padding: 8px 24px 16px; }
.modal-footer { display: flex; justify-content: flex-end; gap: 8px; padding: 14px 20px; border-top: 1px solid #ddd; }
.modal-footer .button { font-size: 15px; padding: 6px 14px; }
.modal-footer .submit { background: #007a5a; border-color: #007a5a; color: #fff; }
.home-top { padding: 14px 24px 0; border-bottom: 1px solid #ddd; }
.home-app { display: flex; align-items: center; gap: 10px; font-weight: 900; font-size: 18px; }
.tabs { display: flex; gap: 22px; margin-top: 12px; font-size: 14px; font-weight: 700; color: #616061; }
.tabs span { padding-bottom: 8px; }
.tabs .on { color: #1d1c1d; border-bottom: 2px solid #1264a3; }
.home-body { padding: 12px 24px 20px; }
`;
