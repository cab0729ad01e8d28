/**
 * The display text a reader sees: straight quotes curled as English sets them (the cases simple
 * curling gets wrong included), and a card's standfirst cut at a sentence's end, never mid-phrase.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cardStandfirst, STANDFIRST_DEFAULTS } from "../../scripts/site/standfirst.ts";
import { curl } from "../../scripts/site/typography.ts";

describe("curl", () => {
  const cases: readonly [string, string][] = [
    ["Korea's leader", "Korea\u2019s leader"],
    ["the Joneses' house", "the Joneses\u2019 house"],
    ["In the '90s, rents rose", "In the \u201990s, rents rose"],
    ["A '60s band", "A \u201960s band"],
    ["rock 'n' roll", "rock \u2019n\u2019 roll"],
    ["'Tis the season", "\u2019Tis the season"],
    ["catch 'em all", "catch \u2019em all"],
    ['"Quoted" headline', "\u201cQuoted\u201d headline"],
    ["'Single' quotes", "\u2018Single\u2019 quotes"],
    ["He said \"she told me 'no' twice\"", "He said \u201cshe told me \u2018no\u2019 twice\u201d"],
    ["He said, \"It's 'fine.'\"", "He said, \u201cIt\u2019s \u2018fine.\u2019\u201d"],
    ['Kim: "We won\'t"', "Kim: \u201cWe won\u2019t\u201d"],
    ["Trump's 'beautiful' letter", "Trump\u2019s \u2018beautiful\u2019 letter"],
    ['("Aside")', "(\u201cAside\u201d)"],
    ["A row \u2014 'again'", "A row \u2014 \u2018again\u2019"],
  ];
  for (const [input, expected] of cases) {
    it(`curls ${input}`, () => assert.equal(curl(input), expected));
  }

  it("sets feet and inches as primes, not quotes", () => {
    assert.equal(curl("He is 5'11\" tall"), "He is 5\u203211\u2033 tall");
    assert.equal(curl("A 6' wall and a 12\" pipe"), "A 6\u2032 wall and a 12\u2033 pipe");
  });

  it("leaves curly quotes, and text without quotes, as they are", () => {
    assert.equal(curl("\u201cAlready\u201d curled"), "\u201cAlready\u201d curled");
    const plain = "No quotes here";
    assert.equal(curl(plain), plain);
  });

  it("changes nothing but the quotes", () => {
    const input = 'Kim\'s "personal" letter, 5\'11" & <b>';
    const output = curl(input);
    assert.equal(output.length, input.length);
    assert.equal(
      output.replace(/[\u2018\u2019\u201c\u201d\u2032\u2033]/g, "q"),
      input.replace(/['"]/g, "q"),
    );
  });
});

describe("cardStandfirst", () => {
  it("shows what the editor wrote as written, however long", () => {
    const written =
      "Written by the editor. It goes on past the card\u2019s room and stops mid \u2026";
    assert.equal(cardStandfirst(written, true), written);
  });

  it("keeps a derived standfirst the build did not cut", () => {
    assert.equal(
      cardStandfirst("Rain fell all day. Rivers rose.", false),
      "Rain fell all day. Rivers rose.",
    );
  });

  it("cuts a derived standfirst at its last whole sentence", () => {
    const cut =
      "Thousands fled rising water in Jakarta on Sunday. Rescuers in boats took the elderly from rooftops while the rain kept falling across the \u2026";
    assert.equal(cardStandfirst(cut, false), "Thousands fled rising water in Jakarta on Sunday.");
  });

  it("does not end a sentence at an abbreviation or initials", () => {
    const cut =
      "Mr. Kim met U.S. officials in the capital on Sunday to talk about the letter. He said the \u2026";
    assert.equal(
      cardStandfirst(cut, false),
      "Mr. Kim met U.S. officials in the capital on Sunday to talk about the letter.",
    );
  });

  it("keeps a closing quote with the sentence it ends", () => {
    const cut =
      'The minister said the plan was "a good start for the city." Others were not so sure and \u2026';
    assert.equal(
      cardStandfirst(cut, false),
      'The minister said the plan was "a good start for the city."',
    );
  });

  it("falls back to the word cut and its ellipsis when the first sentence is too long or too short", () => {
    const long =
      "A first sentence that runs on without a stop through the whole description until the build cut it at a word \u2026";
    assert.equal(cardStandfirst(long, false), long);
    const short =
      "Short. Then a sentence that goes on and on well past where the build cut it off \u2026";
    assert.ok("Short.".length < STANDFIRST_DEFAULTS.minimum);
    assert.equal(cardStandfirst(short, false), short);
  });
});
