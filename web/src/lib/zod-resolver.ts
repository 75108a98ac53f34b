import { installEnglishValidationMessages } from "@housefull/shared";

// The forms' validator, with the English messages zod mini does not load by itself (src/shared/validation-messages.ts).
installEnglishValidationMessages();

export { zodResolver } from "@hookform/resolvers/zod";
