#include "score/realism_model.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <numeric>
#include <random>

#include "core/file_io.hpp"
#include "core/hash.hpp"

namespace snai::score {

namespace {

constexpr std::string_view kMagic = "SNAIREAL";
constexpr std::uint32_t kFormatVersion = 1;
constexpr int kMaxGram = 5;
constexpr double kNoLetters = -8;

// The hashed features of a name with their values: every n-gram of its text, then its shape.
// Values are scaled by 1/sqrt(count) so that a long name's logit is not larger for being long.
struct Features {
  std::vector<std::uint32_t> slots;
  std::vector<std::string_view> grams;  // the n-gram of each slot (shape features: empty)
  float value = 0;
};

std::uint32_t slot_of(std::string_view gram, std::uint32_t mask) {
  return static_cast<std::uint32_t>(hash64(gram)) & mask;
}

// Calls visit(slot, gram) for every feature of `text`: each n-gram, then the two shape features
// (letters 2..16 with words 1..4, and words alone; prefixed with # so no n-gram collides in
// meaning; their gram is ""). The one enumeration training, logit() and tells() share.
template <class Visit>
void for_each_feature(std::string_view text, std::uint32_t mask, Visit&& visit) {
  for (std::size_t n = 1; n <= std::size_t(kMaxGram); ++n)
    for (std::size_t i = 0; i + n <= text.size(); ++i) {
      std::string_view gram(text.data() + i, n);
      if (n == 1 && (gram == "^" || gram == "$")) continue;
      visit(slot_of(gram, mask), gram);
    }
  std::size_t letters = 0, words = 1;
  for (char c : text) {
    if (c == '_') ++words;
    else if (c != '^' && c != '$') ++letters;
  }
  char shape[48];
  int len = std::snprintf(shape, sizeof shape, "#len%zu#words%zu", std::clamp<std::size_t>(letters, 2, 16),
                          std::min<std::size_t>(words, 4));
  std::string_view whole(shape, std::size_t(len));
  visit(slot_of(whole, mask), std::string_view{});
  visit(slot_of(whole.substr(whole.find("#words")), mask), std::string_view{});
}

Features features_of(std::string_view text, std::uint32_t mask) {
  Features f;
  for_each_feature(text, mask, [&](std::uint32_t slot, std::string_view gram) {
    f.slots.push_back(slot);
    f.grams.push_back(gram);
  });
  f.value = 1.0f / std::sqrt(float(f.slots.size()));
  return f;
}

double sigmoid(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

std::string realism_text(std::string_view name) {
  std::string out = "^";
  bool gap = false;
  for (char ch : name) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      if (gap && out.size() > 1) out += '_';
      gap = false;
      out += static_cast<char>(std::tolower(c));
    } else if (std::isspace(c) || c == '-' || c == '_' || c == '.' || c == '&' || c == '+' || c == '/') {
      gap = true;
    }
  }
  if (out.size() == 1) return {};
  out += '$';
  return out;
}

Result<RealismModel> RealismModel::train(std::span<const RealismExample> examples, const RealismTrainOptions& options) {
  double real_weight = 0, generated_weight = 0;
  for (const auto& e : examples) (e.real ? real_weight : generated_weight) += e.weight;
  if (real_weight <= 0 || generated_weight <= 0)
    return fail(ErrorCode::invalid_argument, "realism training needs real and generated names", "examples");
  if (options.buckets_log2 < 8 || options.buckets_log2 > 26)
    return fail(ErrorCode::invalid_argument, "buckets_log2 must be 8..26", "buckets_log2");
  const std::size_t buckets = std::size_t(1) << options.buckets_log2;
  const auto mask = static_cast<std::uint32_t>(buckets - 1);
  const double total = real_weight + generated_weight;
  // Each class counts for half, whatever its size.
  const double class_weight[2] = {total / (2 * generated_weight), total / (2 * real_weight)};

  struct Row {
    Features features;
    float label, weight;
  };
  std::vector<Row> rows;
  rows.reserve(examples.size());
  for (const auto& e : examples) {
    auto text = realism_text(e.name);
    if (text.empty()) continue;
    auto f = features_of(text, mask);
    f.grams.clear();  // the views point into `text`
    rows.push_back({std::move(f), e.real ? 1.0f : 0.0f, float(e.weight * class_weight[e.real ? 1 : 0])});
  }
  std::vector<float> weights(buckets, 0.0f), squared(buckets, 0.0f);
  double bias = 0, bias_squared = 0;
  std::vector<std::size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::ranges::shuffle(order, rng);
    for (std::size_t r : order) {
      const Row& row = rows[r];
      double z = bias;
      for (auto s : row.features.slots) z += weights[s] * row.features.value;
      double g = (sigmoid(z) - row.label) * row.weight;
      for (auto s : row.features.slots) {
        double grad = g * row.features.value + options.l2 * weights[s];
        squared[s] += float(grad * grad);
        weights[s] -= float(options.learning_rate * grad / std::sqrt(squared[s] + 1e-8));
      }
      bias_squared += g * g;
      bias -= options.learning_rate * g / std::sqrt(bias_squared + 1e-8);
    }
  }
  return RealismModel(std::move(weights), float(bias));
}

double RealismModel::logit(std::string_view name) const {
  auto text = realism_text(name);
  if (text.empty()) return kNoLetters;
  // The ranking's path: summed as hashed, nothing stored.
  double sum = 0;
  std::size_t count = 0;
  for_each_feature(text, static_cast<std::uint32_t>(weights_.size() - 1), [&](std::uint32_t slot, std::string_view) {
    sum += weights_[slot];
    ++count;
  });
  return bias_ + sum / std::sqrt(double(count));
}

std::vector<std::pair<std::string, double>> RealismModel::tells(std::string_view name, std::size_t count) const {
  auto text = realism_text(name);
  std::vector<std::pair<std::string, double>> out;
  if (text.empty()) return out;
  auto f = features_of(text, static_cast<std::uint32_t>(weights_.size() - 1));
  for (std::size_t i = 0; i < f.slots.size(); ++i)
    if (f.grams[i].size() >= 2) out.emplace_back(std::string(f.grams[i]), weights_[f.slots[i]] * f.value);
  std::ranges::stable_sort(out, [](const auto& a, const auto& b) { return std::abs(a.second) > std::abs(b.second); });
  if (out.size() > count) out.resize(count);
  return out;
}

Status RealismModel::save(const std::filesystem::path& path) const {
  std::uint32_t header[2] = {kFormatVersion, static_cast<std::uint32_t>(weights_.size())};
  std::string_view body(reinterpret_cast<const char*>(weights_.data()), weights_.size() * sizeof(float));
  std::string_view bias(reinterpret_cast<const char*>(&bias_), sizeof bias_);
  std::uint64_t checksum = hash64(body) ^ hash64(bias);
  std::string_view parts[] = {kMagic, {reinterpret_cast<const char*>(header), sizeof header}, bias, body,
                              {reinterpret_cast<const char*>(&checksum), sizeof checksum}};
  return write_file_atomically(path, parts);
}

Result<RealismModel> RealismModel::load(const std::filesystem::path& path) {
  auto bytes = read_artifact(path, "realism model");
  if (!bytes) return fail(bytes.error());
  auto corrupt = [&](std::string_view why) {
    return fail(ErrorCode::data_corrupt, fmt::format("realism model {} {}: rebuild with `snai data build`", path.string(), why));
  };
  constexpr std::size_t head = kMagic.size() + 2 * sizeof(std::uint32_t) + sizeof(float);
  if (bytes->size() < head + sizeof(std::uint64_t) || std::string_view(*bytes).substr(0, kMagic.size()) != kMagic)
    return corrupt("is not a realism model");
  std::uint32_t header[2];
  std::memcpy(header, bytes->data() + kMagic.size(), sizeof header);
  if (header[0] != kFormatVersion) return corrupt(fmt::format("has format {}, this build reads {}", header[0], kFormatVersion));
  std::size_t count = header[1];
  if (count < 256 || (count & (count - 1)) != 0 || bytes->size() != head + count * sizeof(float) + sizeof(std::uint64_t))
    return corrupt("has the wrong size");
  float bias;
  std::memcpy(&bias, bytes->data() + head - sizeof(float), sizeof bias);
  std::string_view body(bytes->data() + head, count * sizeof(float));
  std::uint64_t checksum;
  std::memcpy(&checksum, bytes->data() + head + body.size(), sizeof checksum);
  if (checksum != (hash64(body) ^ hash64(std::string_view(bytes->data() + head - sizeof(float), sizeof(float)))))
    return corrupt("fails its checksum");
  std::vector<float> weights(count);
  std::memcpy(weights.data(), body.data(), body.size());
  return RealismModel(std::move(weights), bias);
}

}  // namespace snai::score
