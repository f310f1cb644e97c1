// The shop's Vipps webhook and callback routes in Express, with the mistakes public integrations make: the signature
// is computed over a re-serialised body as a hex digest, an event name is misspelt, and the eCom callback
// "authenticates" by a field of the body it has not verified.
import crypto from "node:crypto";
import express from "express";
import { markCancelled, markPaid } from "./orders.js";

const app = express();

app.post("/vipps/webhooks", express.json(), async (req, res) => {
  const hash = crypto.createHash("sha256").update(JSON.stringify(req.body)).digest("hex");
  if (hash !== req.get("x-ms-content-sha256")) return res.sendStatus(401);
  if (req.body.name === "recurring.charge-cancelled.v1") await markCancelled(req.body.chargeId);
  return res.sendStatus(200);
});

app.post("/vipps/callback/v2/payments/:orderId", express.json(), async (req, res) => {
  if (req.body.merchantSerialNumber !== process.env.VIPPS_MSN) return res.sendStatus(403);
  if (req.body.transactionInfo.status === "RESERVED") await markPaid(req.params.orderId);
  return res.sendStatus(200);
});

export default app;
