import type { RefusalTable } from "../http/refusals";
import type { AdmissionRefusal } from "./admission-token";

/** What a refused admission answers, at `POST /holds` and at `POST /orders` alike. */
export const admissionAnswers: RefusalTable<AdmissionRefusal> = {
  ADMISSION_REQUIRED: ({ eventId }) => [
    "ADMISSION_REQUIRED",
    "This show goes on sale through a waiting room: join the queue, and hold seats once you are admitted",
    { eventId },
  ],
  ADMISSION_REFUSED: ({ eventId, reason }) => [
    "ADMISSION_REFUSED",
    reason === "EXPIRED"
      ? "Your admission to this on-sale has run out; join the queue again"
      : reason === "ENDED"
        ? "Your admission to this on-sale ended when you finished shopping (one purchase each); join the queue again to buy more"
        : "This admission token was not issued to you for this on-sale; join the queue yourself",
    { eventId, reason },
  ],
};
