#include "semantic/testing/synthetic.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <span>

namespace snai::semantic::testing {
namespace {

using Rng = std::mt19937_64;

void normalize(std::span<float> v) {
  double sum = 0;
  for (float x : v) sum += static_cast<double>(x) * x;
  const auto scale = static_cast<float>(1.0 / std::sqrt(sum));
  for (float& x : v) x *= scale;
}

void gaussian_unit(Rng& rng, float* out, int dim) {
  std::normal_distribution<float> normal(0.0f, 1.0f);
  for (int d = 0; d < dim; ++d) out[d] = normal(rng);
  normalize({out, static_cast<std::size_t>(dim)});
}

// Synonyms fill the slot "_" of their group's sentence templates (one per sentence, so they are
// substitutes, as in real text, not neighbours); the first member is the most frequent.
struct Group {
  std::vector<std::string> members;
  std::vector<std::string> templates;
  std::vector<std::string> fillers;  // replace template words now and then, so sentences vary
};

const std::vector<Group>& groups() {
  static const std::vector<Group> all = {
      {{"doctor", "physician", "clinician", "medic"},
       {"the _ treated the patient at the clinic", "a _ prescribed medicine for the fever",
        "the nurse called the _ to the ward", "every _ checks symptoms before surgery"},
       {"hospital", "diagnosis", "nurse", "patient", "ward", "fever"}},
      {{"doctoral", "doctorate", "dissertation", "postdoc"},
       {"she finished her _ at the university", "the _ research was defended before the faculty",
        "a _ in history takes years of graduate study", "the professor supervised the _ seminar"},
       {"thesis", "campus", "academic", "lecture", "scholarship", "degree"}},
      {{"fast", "quick", "rapid", "swift"},
       {"the _ runner won the race", "a _ car raced along the highway", "she kept a _ pace to the finish",
        "the athlete made a _ sprint on the track"},
       {"lap", "speed", "winner", "champion", "motorbike", "train"}},
      {{"fasten", "buckle", "strap", "clasp"},
       {"please _ your seat belt", "he had to _ the harness tightly", "_ the boot before the ride",
        "she tried to _ the saddle securely"},
       {"hook", "button", "shoe", "lock", "knot", "tie"}},
      {{"note", "memo", "reminder", "jotting"},
       {"she left a _ on the desk", "write a short _ before the meeting", "the _ on the paper was brief",
        "my colleague sent a _ to the office"},
       {"message", "sticky", "pen", "letter", "email", "manager"}},
      {{"notation", "symbols", "glyph", "notational"},
       {"the musical _ on the staff", "a mathematical _ in the formula", "the _ of the chord was written",
        "algebra uses a compact _ for equations"},
       {"score", "sign", "integral", "script", "alphabet", "music"}},
      {{"memory", "recollection", "remembrance", "nostalgia"},
       {"a vivid _ of childhood", "the _ of the past filled her mind", "an old _ came back in a dream",
        "he lost every _ of that summer"},
       {"brain", "forget", "youth", "village", "grandmother", "photo"}},
      {{"money", "cash", "funds", "capital"},
       {"the bank lent _ for the loan", "they saved enough _ for the budget", "invest your _ in the account",
        "she paid the price in _"},
       {"savings", "interest", "tax", "wallet", "salary", "invoice"}},
  };
  return all;
}

const std::vector<std::string>& function_words() {
  static const std::vector<std::string> words = {"the", "a", "of", "and", "to", "in", "with", "was"};
  return words;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace

std::vector<float> random_unit_vectors(std::size_t n, int dim, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<float> out(n * static_cast<std::size_t>(dim));
  for (std::size_t i = 0; i < n; ++i) gaussian_unit(rng, &out[i * static_cast<std::size_t>(dim)], dim);
  return out;
}

std::vector<float> clustered_vectors(std::size_t n, int dim, std::uint64_t structure_seed,
                                     std::uint64_t sample_seed) {
  constexpr int kTopics = 64;
  constexpr int kSubtopics = 32;
  constexpr float kSubtopicSpread = 0.9f;  // cos(subtopic, topic) ~ 0.74
  constexpr float kPointSpread = 0.75f;    // cos(point, subtopic) ~ 0.8
  constexpr float kMeanWeight = 0.35f;     // shared direction: unrelated pairs ~0.1
  const auto d = static_cast<std::size_t>(dim);

  Rng structure(structure_seed);
  std::vector<float> mean(d), topic(d), noise(d);
  gaussian_unit(structure, mean.data(), dim);
  std::vector<std::vector<float>> subtopics;
  for (int t = 0; t < kTopics; ++t) {
    gaussian_unit(structure, topic.data(), dim);
    for (int s = 0; s < kSubtopics; ++s) {
      gaussian_unit(structure, noise.data(), dim);
      std::vector<float> sub(d);
      for (std::size_t i = 0; i < d; ++i) sub[i] = topic[i] + kSubtopicSpread * noise[i];
      normalize(sub);
      subtopics.push_back(std::move(sub));
    }
  }
  // Zipf-sized clusters: subtopic r (in a seeded random order) has weight 1 / (r + 1).
  std::vector<double> weights(subtopics.size());
  for (std::size_t r = 0; r < weights.size(); ++r) weights[r] = 1.0 / static_cast<double>(r + 1);
  std::shuffle(weights.begin(), weights.end(), structure);
  std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());

  Rng sample(sample_seed);
  std::vector<float> out(n * d);
  std::vector<float> point(d);
  for (std::size_t p = 0; p < n; ++p) {
    const auto& sub = subtopics[pick(sample)];
    gaussian_unit(sample, noise.data(), dim);
    for (std::size_t i = 0; i < d; ++i) point[i] = kMeanWeight * mean[i] + sub[i] + kPointSpread * noise[i];
    normalize(point);
    std::copy(point.begin(), point.end(), out.begin() + static_cast<std::ptrdiff_t>(p * d));
  }
  return out;
}

SynonymCorpus synonym_corpus(std::size_t lines, std::uint64_t seed) {
  Rng rng(seed);
  const auto& all = groups();
  auto uniform = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
  std::discrete_distribution<std::size_t> member_rank({4.0, 2.0, 1.5, 1.0});
  SynonymCorpus corpus;
  for (std::size_t line = 0; line < lines; ++line) {
    const Group& g = all[uniform(all.size())];
    std::vector<std::string> words = split(g.templates[uniform(g.templates.size())]);
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i > 0) corpus.text += ' ';
      if (words[i] == "_") {
        corpus.text += g.members[std::min(member_rank(rng), g.members.size() - 1)];
      } else if (std::bernoulli_distribution(0.15)(rng)) {
        corpus.text += g.fillers[uniform(g.fillers.size())];
      } else if (std::bernoulli_distribution(0.05)(rng)) {
        corpus.text += function_words()[uniform(function_words().size())];
      } else {
        corpus.text += words[i];
      }
    }
    corpus.text += '\n';
  }
  for (const Group& g : all) {
    corpus.expectations.emplace_back(g.members[0], std::vector<std::string>(g.members.begin() + 1, g.members.end()));
  }
  corpus.false_friends = {{"doctor", "doctoral"}, {"doctor", "doctorate"}, {"fast", "fasten"},
                          {"note", "notation"},   {"note", "notational"}, {"memo", "memory"}};
  return corpus;
}

}  // namespace snai::semantic::testing
