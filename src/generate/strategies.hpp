// The nine strategies, one per style (each in its own <style>_strategy.cpp). Each proposes
// candidates best-first into the sink until it has enough; none of them filters or ranks —
// the generator filters, the quality model ranks.
//
//   for (const auto& s : all_strategies()) s->propose(input, sink);
#pragma once

#include <memory>
#include <vector>

#include "generate/strategy.hpp"

namespace snai::generate {

// Evocative real words: the expanded concepts and their broader terms and images (Crux, Forge, Scribe).
class DictionaryStrategy final : public Strategy {
 public:
  Style style() const override { return Style::dictionary; }
  void propose(const StrategyInput& in, CandidateSink& sink) const override;
};

// Concept + concept, or concept + a brandable partner word, joined readably (NoteScribe, ChartForge).
class CompoundStrategy final : public Strategy {
 public:
  Style style() const override { return Style::compound; }
  void propose(const StrategyInput& in, CandidateSink& sink) const override;
};

// Portmanteaus overlapping at shared letters, both words still recognisable (Medicribe, Pinterest).
class BlendStrategy final : public Strategy {
 public:
  Style style() const override { return Style::blend; }
  void propose(const StrategyInput& in, CandidateSink& sink) const override;
};

// Prefixes and suffixes chosen by the root's sound and part of speech (Notely, Memora, Rechart, GetScribe).
class AffixStrategy final : public Strategy {
 public:
  Style style() const override { return Style::affix; }
  void propose(const StrategyInput& in, CandidateSink& sink) const override;
};

// New words from the character model, seeded with concept roots (Medora, Notiva).
class InventedStrategy final : public Strategy {
 public:
  Style style() const override { return Style::invented; }
  void propose(const StrategyInput& in, CandidateSink& sink) const override;
};

// Same sound, new spelling (Flickr, Lyft, Klinik), checked with the pronouncer.
class RespellingStrategy final : public Strategy {
 public:
  Style style() const override { return Style::respelling; }
  void propose(const StrategyInput& in, CandidateSink& sink) const override;
};

// Two or three words: a concept with an industry word (Scribe Health, Note Labs) or an
// adjective with a noun (Clear Chart).
class MultiwordStrategy final : public Strategy {
 public:
  Style style() const override { return Style::multiword; }
  void propose(const StrategyInput& in, CandidateSink& sink) const override;
};

// Rhyming and alliterative pairs (SmartChart, MemoMed) from the pronunciation data.
class RhymeStrategy final : public Strategy {
 public:
  Style style() const override { return Style::rhyme; }
  void propose(const StrategyInput& in, CandidateSink& sink) const override;
};

// Latin and Greek roots of the concepts, given a classical ending (Scriba, Medica, Notara).
class ForeignStrategy final : public Strategy {
 public:
  Style style() const override { return Style::foreign; }
  void propose(const StrategyInput& in, CandidateSink& sink) const override;
};

std::vector<std::unique_ptr<Strategy>> all_strategies();

}  // namespace snai::generate
