// Everyone's learned tastes: one preference model (preference_model.hpp) per user, per
// user-and-project once a project has its own history, and one pooled over everyone (global).
// Verdicts arrive through record(), which only queues them: a background worker describes the
// names, keeps each user's latest verdict per name, and retrains a user's models after
// `retrain_every` new verdicts or `retrain_after` since the first untrained one. Readers get
// an immutable model by shared_ptr, swapped in whole when a retrain finishes, so scoring never
// waits for training. A user with fewer than `min_events` verdicts gets the global model.
//
//   PreferenceBook book(features_context);
//   book.rebuild(storage);                                     // at start: every stored verdict
//   book.record({.user_id = u, .project_id = p, .name = {.name = "LeafStack"}, .reaction = Reaction::favorite});
//   auto choice = book.model_for(u, p);                        // project → user → global
//   double utility = choice.model->score(book.describer().describe(name));
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

#include "core/result.hpp"
#include "preference/name_descriptor.hpp"
#include "preference/preference_model.hpp"

namespace snai::storage {
class Storage;
}

namespace snai::preference {

enum class Reaction : std::uint8_t { favorite, dismiss, shown, clear };

struct NameReaction {
  std::string user_id;
  std::string project_id;  // empty: outside any project (one comparison group per user)
  NameInfo name;
  Reaction reaction = Reaction::favorite;
};

struct BookOptions {
  std::size_t min_events = 10;      // verdicts before a user's (or project's) own model is used
  std::size_t retrain_every = 10;   // new verdicts that trigger a retrain of that user
  std::chrono::milliseconds retrain_after{2000};  // ... or this long after the first untrained one
  std::size_t global_retrain_every = 50;
  std::size_t max_queue = 100'000;          // record() drops (and counts) beyond this
  std::size_t max_names_per_user = 5'000;   // the oldest verdicts are forgotten beyond this
  std::size_t global_max_names = 50'000;    // names the pooled model trains on, at most
  PreferenceTrainOptions train;
  // Called on the worker thread as each training starts ("global", "user:<id>",
  // "project:<user>/<project>"): for logs and metrics; tests slow training down here.
  std::function<void(std::string_view)> on_train;
};

enum class ModelScope { project, user, global, none };
std::string_view to_string(ModelScope scope);

struct ModelChoice {
  std::shared_ptr<const PreferenceModel> model;  // never null; untrained (all zeros) for ModelScope::none
  ModelScope scope = ModelScope::none;
};

class PreferenceBook {
 public:
  explicit PreferenceBook(score::FeatureContext features, BookOptions options = {});
  ~PreferenceBook();  // stops the worker; what is still queued is not learned
  PreferenceBook(const PreferenceBook&) = delete;
  PreferenceBook& operator=(const PreferenceBook&) = delete;

  // Queues the verdict and returns at once (a short lock, never training). False when the
  // queue is full and the verdict was dropped; the stored verdict still reaches the model
  // on the next rebuild.
  bool record(NameReaction reaction);

  // The most specific model with enough history: the user's model for this project, the
  // user's model, the global one, else an untrained one. Thread-safe, never blocks on training.
  ModelChoice model_for(std::string_view user_id, std::string_view project_id = {}) const;

  // Reads every keyed user's verdicts on their projects' names (names left unjudged in a
  // judged project count as shown) and queues them, ahead of the max_queue limit.
  Status rebuild(storage::Storage& storage);

  // Blocks until everything recorded before the call is learned and every pending retrain
  // has run: for tests and orderly shutdown, never for a request.
  void flush();

  struct Stats {
    std::uint64_t recorded = 0;
    std::uint64_t dropped = 0;
    std::uint64_t trainings = 0;
  };
  Stats stats() const;
  const NameDescriber& describer() const { return describer_; }

 private:
  struct History;  // one user's verdicts: the worker's alone
  void run();
  void apply(NameReaction& reaction);
  void train_due(bool force);
  void train_user(const std::string& user_id, History& history);
  void train_global();
  std::chrono::steady_clock::time_point next_deadline() const;

  NameDescriber describer_;
  BookOptions options_;

  mutable std::mutex queue_mutex_;
  std::condition_variable queue_cv_;
  std::condition_variable flushed_cv_;
  std::deque<NameReaction> queue_;
  std::uint64_t flush_requested_ = 0;
  std::uint64_t flush_done_ = 0;
  bool stopping_ = false;
  Stats stats_;

  mutable std::shared_mutex models_mutex_;
  std::unordered_map<std::string, std::shared_ptr<const PreferenceModel>> user_models_;
  std::unordered_map<std::string, std::shared_ptr<const PreferenceModel>> project_models_;
  std::shared_ptr<const PreferenceModel> global_;
  std::shared_ptr<const PreferenceModel> untrained_;

  // Worker-only state.
  std::unordered_map<std::string, std::unique_ptr<History>> histories_;
  std::size_t global_pending_ = 0;
  std::chrono::steady_clock::time_point global_first_pending_{};
  std::uint64_t seq_ = 0;

  std::thread worker_;  // last: starts after everything above exists
};

}  // namespace snai::preference
