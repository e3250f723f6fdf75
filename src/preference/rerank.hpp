// Re-ranking a list of good names by what a person has shown they like. The quality score
// stays the judgement of whether a name is good; the learned utility only re-orders:
//
//   key = quality + max_shift · confidence · tanh(z),   z = (utility − mean) / sd over the list,
//   confidence = events / (events + confidence_events),
//
// sorted by (quality >= 50 first, then key), where quality is capped by the name before it in the
// ranker's list (which spreads styles and roots). So a name below the good-name line never passes
// a good one, a name moves at most max_shift points (20 by default on the percentile scale of
// real startup names: a 60 the person would love can pass a 75 they would not, never a 95),
// and a model learned from few verdicts moves little. An untrained model leaves the order as it was.
//
//   auto choice = book.model_for(user_id, project_id);
//   rerank(result.names, *choice.model, book.describer());
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "naming/ranker.hpp"
#include "preference/name_descriptor.hpp"
#include "preference/preference_model.hpp"

namespace snai::preference {

struct RerankOptions {
  double max_shift = 20;          // score points, at full confidence
  double confidence_events = 10;  // verdicts at which confidence is one half
};

// The order (indices into the inputs) the formula above gives; stable for equal keys.
std::vector<std::size_t> blended_order(std::span<const double> quality, std::span<const double> utility,
                                       std::uint64_t events, const RerankOptions& options = {});

// Re-orders `names` in place; their scores are untouched.
void rerank(std::vector<naming::ScoredName>& names, const PreferenceModel& model, const NameDescriber& describer,
            const RerankOptions& options = {});

// The same on the JSON of naming_json.hpp: an array of {"name","style","score","parts",...}
// objects, re-ordered in place. For answers served from the shared response cache, which must
// be re-ordered per caller after the cache, never before it. Entries without a "name" string
// keep their relative order and count as score 0.
void rerank_json(nlohmann::json& names, const PreferenceModel& model, const NameDescriber& describer,
                 const RerankOptions& options = {});

}  // namespace snai::preference
