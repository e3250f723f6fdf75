#include "lexicon/internal/espeak.hpp"

#include <espeak-ng/speak_lib.h>

#include <mutex>

namespace snai::lexicon::internal {
namespace {

std::mutex& espeak_mutex() {
  static std::mutex mutex;
  return mutex;
}

// Called with the mutex held.
bool espeak_ready() {
  static int state = 0;  // 0 untried, 1 ready, -1 unavailable
  if (state == 0) {
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    state = rate > 0 && (espeak_SetVoiceByName("en-us") == EE_OK || espeak_SetVoiceByName("en") == EE_OK) ? 1 : -1;
  }
  return state == 1;
}

struct IpaSymbol {
  std::string_view ipa;
  std::string_view arpabet;  // one or two space-separated ARPAbet symbols
};

// espeak-ng's en-us IPA (and a few symbols other voices emit) → ARPAbet. Longest match wins,
// so r-coloured and diphthong sequences come before their parts.
constexpr IpaSymbol kIpa[] = {
    {"aɪɚ", "AY ER"}, {"aɪə", "AY AH"}, {"aʊɚ", "AW ER"}, {"aʊə", "AW AH"},
    {"ɑːɹ", "AA R"},  {"ɔːɹ", "AO R"},  {"oːɹ", "AO R"},  {"ɜːɹ", "ER"},    {"ɛɹ", "EH R"},  {"ɪɹ", "IH R"},
    {"ʊɹ", "UH R"},   {"əɹ", "ER"},     {"iə", "IY AH"},  {"n̩", "AH N"},   {"l̩", "AH L"},   {"m̩", "AH M"},
    {"aɪ", "AY"},     {"aʊ", "AW"},     {"eɪ", "EY"},     {"oʊ", "OW"},     {"ɔɪ", "OY"},    {"əʊ", "OW"},
    {"ɑː", "AA"},     {"ɔː", "AO"},     {"ɜː", "ER"},     {"iː", "IY"},     {"uː", "UW"},    {"oː", "OW"},
    {"eː", "EY"},     {"aː", "AA"},     {"tʃ", "CH"},     {"dʒ", "JH"},
    {"ɑ", "AA"},      {"ɒ", "AA"},      {"æ", "AE"},      {"ʌ", "AH"},      {"ə", "AH"},     {"ɐ", "AH"},
    {"ɔ", "AO"},      {"ɛ", "EH"},      {"e", "EH"},      {"ɜ", "ER"},      {"ɚ", "ER"},     {"ɝ", "ER"},
    {"ɪ", "IH"},      {"ᵻ", "IH"},      {"i", "IY"},      {"o", "OW"},      {"ʊ", "UH"},     {"u", "UW"},
    {"a", "AE"},      {"y", "UW"},      {"ø", "ER"},      {"œ", "ER"},
    {"b", "B"},       {"d", "D"},       {"f", "F"},       {"ɡ", "G"},       {"g", "G"},      {"h", "HH"},
    {"j", "Y"},       {"k", "K"},       {"l", "L"},       {"ɫ", "L"},       {"ɬ", "L"},      {"m", "M"},
    {"n", "N"},       {"ɲ", "N Y"},     {"ŋ", "NG"},      {"p", "P"},       {"ɹ", "R"},      {"r", "R"},
    {"ɾ", "T"},       {"ʁ", "R"},       {"s", "S"},       {"ʃ", "SH"},      {"t", "T"},      {"θ", "TH"},
    {"ð", "DH"},      {"v", "V"},       {"w", "W"},       {"ʍ", "W"},       {"z", "Z"},      {"ʒ", "ZH"},
    {"ʔ", "T"},       {"x", "K"},       {"ç", "HH"},      {"β", "V"},       {"c", "K"},
};

constexpr std::string_view kPrimary = "ˈ";
constexpr std::string_view kSecondary = "ˌ";

}  // namespace

std::optional<std::string> espeak_ipa(std::string_view text) {
  std::string input(text);
  std::lock_guard lock(espeak_mutex());
  if (!espeak_ready()) return std::nullopt;
  const void* cursor = input.c_str();
  std::string out;
  constexpr int kMode = espeakPHONEMES_IPA | ('_' << 8);  // IPA, '_' between phonemes
  while (cursor != nullptr) {
    const char* clause = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, kMode);
    if (clause == nullptr) break;
    if (!out.empty() && *clause != '\0') out += ' ';
    out += clause;
  }
  return out;
}

std::vector<Phoneme> ipa_to_arpabet(std::string_view ipa) {
  std::vector<Phoneme> out;
  int pending_stress = 0;
  bool any_stress = false;
  std::size_t i = 0;
  while (i < ipa.size()) {
    auto rest = ipa.substr(i);
    if (rest.starts_with(kPrimary) || rest.starts_with(kSecondary)) {
      pending_stress = rest.starts_with(kPrimary) ? 1 : 2;
      i += kPrimary.size();
      continue;
    }
    const IpaSymbol* match = nullptr;
    for (const auto& symbol : kIpa)
      if (rest.starts_with(symbol.ipa) && (match == nullptr || symbol.ipa.size() > match->ipa.size())) match = &symbol;
    if (match == nullptr) {  // separators, length marks, diacritics: skip one UTF-8 character
      ++i;
      while (i < ipa.size() && (static_cast<unsigned char>(ipa[i]) & 0xC0) == 0x80) ++i;
      continue;
    }
    i += match->ipa.size();
    auto phonemes = parse_arpabet(match->arpabet);
    for (auto p : phonemes.value_or(std::vector<Phoneme>{})) {
      if (p.is_vowel()) {
        p.stress = static_cast<std::int8_t>(pending_stress);
        any_stress = any_stress || pending_stress > 0;
        pending_stress = 0;
      }
      out.push_back(p);
    }
  }
  if (!any_stress)
    for (auto& p : out)
      if (p.is_vowel()) {
        p.stress = 1;
        break;
      }
  return out;
}

}  // namespace snai::lexicon::internal
