/*
 * How Ukrainian prose says what the English patterns of the check say
 * (checker.ts): words before a role that say it is not meant at the date in
 * question ("колишній міністр оборони", "тодішній секретар РНБО", "в. о.").
 * Tested on folded text (lower case), like the English ones.
 */

/** Before a role: former, then, future, new, acting, in any gender and case ("колишнього", "новопризначена"). */
export const UK_QUALIFIED = /(?:^|[^\p{L}])(?:колишн|тодішн|майбутн|попередн|новопризначен|новий|нова|нового|новому|новим|нинішн|чинн|виконувач\p{L}* обов'язків|тимчасово виконуюч|в\. ?о\.)\p{L}*[\s\u2010-\u2015-]*$/u;
