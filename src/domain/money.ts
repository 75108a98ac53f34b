// Money is owned by the shared contract (integer paise inside, decimal strings at the edges).
export { formatPaise, type Paise, sumAmounts, toPaise } from "../shared/money";
