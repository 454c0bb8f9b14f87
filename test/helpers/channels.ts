// The channels every test workspace starts with (SALES_CHANNEL_ID and MARKETING_CHANNEL_ID in the end-to-end tier).
export const SALES_CHANNEL = "C0SALES0001";
export const MARKETING_CHANNEL = "C0MKTG00001";
