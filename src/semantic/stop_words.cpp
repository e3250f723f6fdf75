#include "semantic/stop_words.hpp"

#include <algorithm>
#include <array>

namespace snai::semantic {
namespace {

// The closed-class words of English (determiners, pronouns, prepositions, conjunctions,
// auxiliary and modal verbs, common adverbs of degree) plus the filler words of product
// descriptions ("app", "platform", "tool" are kept: they carry meaning for names).
// Sorted for binary search.
constexpr std::array<std::string_view, 189> kStopWords = {
    "a", "about", "above", "across", "after", "again", "against", "all", "almost", "along", "also",
    "although", "always", "am", "among", "an", "and", "another", "any", "are", "around", "as", "at", "be",
    "because", "been", "before", "behind", "being", "below", "beneath", "beside", "between", "beyond", "both",
    "but", "by", "can", "cannot", "could", "did", "do", "does", "doing", "done", "down", "during", "each",
    "either", "else", "enough", "etc", "even", "ever", "every", "few", "for", "from", "further", "get",
    "gets", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his",
    "how", "however", "i", "if", "in", "inside", "into", "is", "it", "its", "itself", "just", "less", "like",
    "lot", "lots", "many", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "near",
    "neither", "no", "nor", "not", "of", "off", "often", "on", "once", "one", "only", "onto", "or", "other",
    "others", "our", "ours", "ourselves", "out", "outside", "over", "own", "per", "quite", "rather", "same",
    "several", "shall", "she", "should", "since", "so", "some", "such", "than", "that", "the", "their",
    "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through",
    "thus", "to", "too", "toward", "towards", "under", "until", "up", "upon", "us", "use", "used", "uses",
    "using", "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who",
    "whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you", "your", "yours",
    "yourself", "yourselves",};

// Sorted for binary search.
constexpr std::array<std::string_view, 14> kFillerWords = {
    "app",      "application", "company", "online",  "platform", "product", "service",
    "software", "solution",    "startup", "system",  "tool",     "web",     "website"};

}  // namespace

bool is_filler_word(std::string_view word) {
  static_assert(std::is_sorted(kFillerWords.begin(), kFillerWords.end()));
  return std::binary_search(kFillerWords.begin(), kFillerWords.end(), word);
}

bool is_stop_word(std::string_view word) {
  static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()));
  return std::binary_search(kStopWords.begin(), kStopWords.end(), word);
}

}  // namespace snai::semantic
