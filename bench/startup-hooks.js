// Module hooks for `bench/startup.js --modules`: reports the URL of every module the ESM loader loads. They run on the
// loader's own thread, so they report through the port the main thread hands over.

let port;

export function initialize(data) {
  port = data.port;
}

export async function load(url, context, nextLoad) {
  port.postMessage(url);
  return nextLoad(url, context);
}
