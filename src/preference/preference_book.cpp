#include "preference/preference_book.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

#include "storage/storage.hpp"

namespace snai::preference {
namespace {

using Clock = std::chrono::steady_clock;

std::string project_key(std::string_view user_id, std::string_view project_id) {
  std::string key(user_id);
  key += '\n';
  key += project_id;
  return key;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = char(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_verdict(Verdict v) { return v != Verdict::shown; }

}  // namespace

std::string_view to_string(ModelScope scope) {
  switch (scope) {
    case ModelScope::project: return "project";
    case ModelScope::user: return "user";
    case ModelScope::global: return "global";
    case ModelScope::none: return "none";
  }
  return "none";
}

struct PreferenceBook::History {
  struct Entry {
    Descriptor descriptor;
    Verdict verdict;
    std::uint64_t seq;
  };
  // (project, lower-case name) → the latest verdict on it.
  std::map<std::pair<std::string, std::string>, Entry> entries;
  std::size_t pending = 0;
  Clock::time_point first_pending{};
  std::set<std::string> dirty_projects;

  std::size_t verdicts(std::string_view project = {}, bool any_project = true) const {
    std::size_t n = 0;
    for (const auto& [key, e] : entries)
      if (is_verdict(e.verdict) && (any_project || key.first == project)) ++n;
    return n;
  }
};

PreferenceBook::PreferenceBook(score::FeatureContext features, BookOptions options)
    : describer_(features),
      options_(std::move(options)),
      global_(std::make_shared<const PreferenceModel>()),
      untrained_(global_),
      worker_([this] { run(); }) {}

PreferenceBook::~PreferenceBook() {
  {
    std::lock_guard lock(queue_mutex_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  worker_.join();
}

bool PreferenceBook::record(NameReaction reaction) {
  {
    std::lock_guard lock(queue_mutex_);
    if (queue_.size() >= options_.max_queue) {
      ++stats_.dropped;
      return false;
    }
    queue_.push_back(std::move(reaction));
    ++stats_.recorded;
  }
  queue_cv_.notify_one();
  return true;
}

ModelChoice PreferenceBook::model_for(std::string_view user_id, std::string_view project_id) const {
  auto usable = [&](const std::shared_ptr<const PreferenceModel>& m) {
    return m && m->trained() && m->events() >= options_.min_events;
  };
  std::shared_lock lock(models_mutex_);
  if (!project_id.empty())
    if (auto it = project_models_.find(project_key(user_id, project_id)); it != project_models_.end() && usable(it->second))
      return {it->second, ModelScope::project};
  if (auto it = user_models_.find(std::string(user_id)); it != user_models_.end() && usable(it->second))
    return {it->second, ModelScope::user};
  if (global_->trained()) return {global_, ModelScope::global};
  return {untrained_, ModelScope::none};
}

PreferenceBook::Stats PreferenceBook::stats() const {
  std::lock_guard lock(queue_mutex_);
  return stats_;
}

void PreferenceBook::flush() {
  std::unique_lock lock(queue_mutex_);
  std::uint64_t ticket = ++flush_requested_;
  queue_cv_.notify_one();
  flushed_cv_.wait(lock, [&] { return flush_done_ >= ticket || stopping_; });
}

Status PreferenceBook::rebuild(storage::Storage& storage) {
  auto keys = storage.list_all_api_keys();
  if (!keys) return fail(keys.error());
  std::set<std::string> users;
  for (const auto& k : *keys) users.insert(k.user_id);

  std::vector<NameReaction> reactions;
  for (const auto& user : users) {
    storage::PageRequest projects_page{.limit = 1000};
    do {
      auto projects = storage.list_projects(user, projects_page);
      if (!projects) return fail(projects.error());
      for (const auto& project : projects->items) {
        std::vector<storage::ReviewedName> names;
        storage::PageRequest names_page{.limit = 1000};
        do {
          auto page = storage.list_reviewed_names(project.id, user, names_page);
          if (!page) return fail(page.error());
          std::ranges::move(page->items, std::back_inserter(names));
          names_page.after = page->next;
        } while (!names_page.after.empty());
        bool judged = std::ranges::any_of(names, [](const auto& n) { return n.feedback.has_value(); });
        if (!judged) continue;
        for (auto& n : names) {
          Reaction r = !n.feedback ? Reaction::shown
                       : *n.feedback == storage::FeedbackKind::favorite ? Reaction::favorite
                                                                         : Reaction::dismiss;
          reactions.push_back({.user_id = user,
                               .project_id = project.id,
                               .name = {.name = std::move(n.name.name),
                                        .style = generate::parse_style(n.name.style).value_or(generate::Style::dictionary),
                                        .parts = std::move(n.name.parts)},
                               .reaction = r});
        }
      }
      projects_page.after = projects->next;
    } while (!projects_page.after.empty());
  }
  {
    std::lock_guard lock(queue_mutex_);
    stats_.recorded += reactions.size();
    std::ranges::move(reactions, std::back_inserter(queue_));
  }
  queue_cv_.notify_one();
  return ok();
}

void PreferenceBook::run() {
  for (;;) {
    std::deque<NameReaction> batch;
    std::uint64_t flush_ticket = 0;
    auto deadline = next_deadline();
    {
      std::unique_lock lock(queue_mutex_);
      auto ready = [&] { return stopping_ || !queue_.empty() || flush_requested_ > flush_done_; };
      if (deadline == Clock::time_point::max()) queue_cv_.wait(lock, ready);
      else queue_cv_.wait_until(lock, deadline, ready);
      if (stopping_) break;
      batch.swap(queue_);
      if (flush_requested_ > flush_done_) flush_ticket = flush_requested_;
    }
    for (auto& reaction : batch) apply(reaction);
    train_due(flush_ticket != 0);
    if (flush_ticket != 0) {
      {
        std::lock_guard lock(queue_mutex_);
        flush_done_ = flush_ticket;
      }
      flushed_cv_.notify_all();
    }
  }
  flushed_cv_.notify_all();
}

void PreferenceBook::apply(NameReaction& reaction) {
  if (reaction.user_id.empty()) return;
  auto& slot = histories_[reaction.user_id];
  if (!slot) slot = std::make_unique<History>();
  History& h = *slot;
  std::pair<std::string, std::string> key{reaction.project_id, lower(reaction.name.name)};
  auto it = h.entries.find(key);
  if (reaction.reaction == Reaction::clear) {
    if (it == h.entries.end()) return;
    h.entries.erase(it);
  } else {
    Verdict verdict = reaction.reaction == Reaction::favorite  ? Verdict::favorite
                      : reaction.reaction == Reaction::dismiss ? Verdict::dismiss
                                                               : Verdict::shown;
    // Being shown again does not undo a verdict.
    if (verdict == Verdict::shown && it != h.entries.end()) return;
    if (it != h.entries.end() && it->second.verdict == verdict) return;
    h.entries[key] = {describer_.describe(reaction.name), verdict, ++seq_};
    if (h.entries.size() > options_.max_names_per_user) {
      auto oldest = std::ranges::min_element(h.entries, {}, [](const auto& kv) { return kv.second.seq; });
      h.entries.erase(oldest);
    }
    if (verdict == Verdict::shown) return;  // context for comparisons, not news
  }
  auto now = Clock::now();
  if (h.pending++ == 0) h.first_pending = now;
  h.dirty_projects.insert(reaction.project_id);
  if (global_pending_++ == 0) global_first_pending_ = now;
}

Clock::time_point PreferenceBook::next_deadline() const {
  auto deadline = Clock::time_point::max();
  for (const auto& [user, h] : histories_)
    if (h->pending > 0) deadline = std::min(deadline, h->first_pending + options_.retrain_after);
  if (global_pending_ > 0) deadline = std::min(deadline, global_first_pending_ + options_.retrain_after);
  return deadline;
}

void PreferenceBook::train_due(bool force) {
  auto now = Clock::now();
  std::vector<std::string> due;
  for (const auto& [user, h] : histories_)
    if (h->pending > 0 &&
        (force || h->pending >= options_.retrain_every || now >= h->first_pending + options_.retrain_after))
      due.push_back(user);
  std::ranges::sort(due);  // a fixed order keeps runs reproducible
  for (const auto& user : due) train_user(user, *histories_[user]);
  if (global_pending_ > 0 &&
      (force || global_pending_ >= options_.global_retrain_every || now >= global_first_pending_ + options_.retrain_after))
    train_global();
}

void PreferenceBook::train_user(const std::string& user_id, History& h) {
  std::map<std::string, std::uint32_t> groups;
  std::map<std::string, std::size_t> project_verdicts;
  std::vector<JudgedName> judged;
  judged.reserve(h.entries.size());
  for (const auto& [key, e] : h.entries) {
    auto [it, _] = groups.emplace(key.first, std::uint32_t(groups.size()));
    judged.push_back({e.descriptor, e.verdict, it->second});
    if (is_verdict(e.verdict)) ++project_verdicts[key.first];
  }
  std::size_t total = 0;
  for (const auto& [p, n] : project_verdicts) total += n;

  if (options_.on_train) options_.on_train("user:" + user_id);
  auto model = std::make_shared<const PreferenceModel>(PreferenceModel::train(judged, options_.train));

  // A project gets its own model only when it has enough verdicts and is not the user's whole
  // history (then the user model is the same thing).
  std::vector<std::pair<std::string, std::shared_ptr<const PreferenceModel>>> projects;
  for (const auto& [project, n] : project_verdicts) {
    if (project.empty() || n < options_.min_events || n == total) continue;
    bool have = false;
    {
      std::shared_lock lock(models_mutex_);
      have = project_models_.contains(project_key(user_id, project));
    }
    if (have && !h.dirty_projects.contains(project)) continue;
    std::vector<JudgedName> own;
    for (const auto& [key, e] : h.entries)
      if (key.first == project) own.push_back({e.descriptor, e.verdict, 0});
    if (options_.on_train) options_.on_train("project:" + user_id + "/" + project);
    projects.emplace_back(project, std::make_shared<const PreferenceModel>(PreferenceModel::train(own, options_.train)));
  }
  {
    std::unique_lock lock(models_mutex_);
    user_models_[user_id] = std::move(model);
    for (auto& [project, m] : projects) project_models_[project_key(user_id, project)] = std::move(m);
  }
  {
    std::lock_guard lock(queue_mutex_);
    stats_.trainings += 1 + projects.size();
  }
  h.pending = 0;
  h.dirty_projects.clear();
}

void PreferenceBook::train_global() {
  std::vector<std::string> users;
  for (const auto& [user, h] : histories_) users.push_back(user);
  std::ranges::sort(users);
  std::map<std::pair<std::string, std::string>, std::uint32_t> groups;
  std::vector<JudgedName> judged;
  for (const auto& user : users) {
    for (const auto& [key, e] : histories_[user]->entries) {
      if (judged.size() >= options_.global_max_names) break;
      auto [it, _] = groups.emplace(std::pair{user, key.first}, std::uint32_t(groups.size()));
      judged.push_back({e.descriptor, e.verdict, it->second});
    }
  }
  if (options_.on_train) options_.on_train("global");
  auto model = std::make_shared<const PreferenceModel>(PreferenceModel::train(judged, options_.train));
  {
    std::unique_lock lock(models_mutex_);
    global_ = std::move(model);
  }
  {
    std::lock_guard lock(queue_mutex_);
    ++stats_.trainings;
  }
  global_pending_ = 0;
}

}  // namespace snai::preference
