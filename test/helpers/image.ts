// Decodes an uploaded chart (JPEG or PNG) with the app's own Skia canvas, so a test can look at actual pixels.
import { createCanvas, Image } from "@napi-rs/canvas";

export interface DecodedImage {
  format: "jpeg" | "png";
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number];
}

function formatOf(bytes: Buffer): DecodedImage["format"] {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.subarray(1, 4).toString("latin1") === "PNG") return "png";
  throw new Error("not a JPEG or PNG image");
}

export function decodeImage(bytes: Buffer): DecodedImage {
  const format = formatOf(bytes);
  const image = new Image();
  image.src = bytes;
  if (!image.complete || image.width === 0) throw new Error(`could not decode the ${format} image`);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  return {
    format,
    width: image.width,
    height: image.height,
    pixel: (x, y) => {
      const i = (y * image.width + x) * 4;
      return [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
    },
  };
}
