// SPDX-License-Identifier: Apache-2.0
#include "sim/report/trace_json.h"

#include <map>
#include <optional>

namespace sim::app {
namespace {

using json = nlohmann::ordered_json;

constexpr int kConsoleTid = 100; ///< + core

/// Process ids: one per cluster in the board's order, then the mailbox and the vrings.
class Pids {
public:
  explicit Pids(const std::vector<std::pair<std::string, std::optional<Side>>>& clusters) {
    for (const auto& [name, side] : clusters) {
      const int pid = static_cast<int>(of_cluster_.size()) + 1;
      of_cluster_.emplace(name, pid);
      if (side) {
        of_side_[*side] = pid;
        side_cluster_[*side] = name;
      }
    }
    mailbox_ = static_cast<int>(of_cluster_.size()) + 1;
  }
  /// 0 for a name that is no cluster (a fault on the mailbox).
  int cluster(const std::string& name) const {
    auto it = of_cluster_.find(name);
    return it == of_cluster_.end() ? 0 : it->second;
  }
  int side(Side s) const { return of_side_[s]; }
  /// The name of the cluster that plays `s`.
  const std::string& side_cluster(Side s) const { return side_cluster_[s]; }
  int mailbox() const { return mailbox_; }
  int vrings() const { return mailbox_ + 1; }

private:
  std::map<std::string, int> of_cluster_;
  PerSide<int> of_side_;
  PerSide<std::string> side_cluster_;
  int mailbox_ = 0;
};

/// "master (Linux)": a cluster and the OS its side runs.
std::string process_name(const std::string& cluster, std::optional<Side> side) {
  if (!side) return cluster;
  return cluster + (*side == Side::kMaster ? " (Linux)" : " (Zephyr)");
}

double us(std::uint64_t ps) {
  return static_cast<double>(ps) / 1e6;
}

json meta(const char* what, int pid, int tid, const std::string& name) {
  json e = {{"ph", "M"}, {"name", what}, {"pid", pid}};
  if (tid >= 0) e["tid"] = tid;
  e["args"] = {{"name", name}};
  return e;
}

int direction_track(Direction d) {
  return d == Direction::kMasterToRemote ? 1 : 2;
}

/// Printable console text for a slice name: one line, at most 60 characters.
std::string console_label(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (out.size() == 60) break;
    if (c == '\n' || c == '\r') continue;
    out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  return out;
}

} // namespace

json trace_json(const TraceData& d) {
  json events = json::array();
  // Tracks.
  const Pids pid(d.clusters);
  std::map<std::string, unsigned> cores; // cluster -> cores seen
  for (const auto& s : d.slices) cores[s.cluster] = std::max(cores[s.cluster], s.core + 1);
  for (const auto& [name, side] : d.clusters)
    events.push_back(meta("process_name", pid.cluster(name), -1, process_name(name, side)));
  events.push_back(meta("process_name", pid.mailbox(), -1, "mailbox"));
  events.push_back(meta("process_name", pid.vrings(), -1, "vrings"));
  for (const auto& [cluster, n] : cores)
    for (unsigned c = 0; c < n; ++c) {
      events.push_back(meta("thread_name", pid.cluster(cluster), static_cast<int>(c),
                            "core " + std::to_string(c)));
      events.push_back(meta("thread_name", pid.cluster(cluster), kConsoleTid + static_cast<int>(c),
                            "core " + std::to_string(c) + " console"));
    }
  // A track per direction: tid 1 master -> remote, 2 remote -> master.
  for (Direction dir : kDirections)
    events.push_back(
        meta("thread_name", pid.mailbox(), direction_track(dir), direction_label(dir)));

  // Threads and interrupt handlers; each thread runs on one core (threads are pinned).
  std::map<std::pair<std::string, std::string>, unsigned> core_of_thread;
  for (const auto& s : d.slices) {
    if (s.holder == models::CoreHolder::kIdle) continue;
    const bool isr = s.holder == models::CoreHolder::kIsr;
    if (!isr) core_of_thread.emplace(std::make_pair(s.cluster, s.name), s.core);
    events.push_back({{"ph", "X"},
                      {"name", s.name},
                      {"cat", isr ? "isr" : "thread"},
                      {"ts", us(s.begin_ps)},
                      {"dur", us(s.end_ps - s.begin_ps)},
                      {"pid", pid.cluster(s.cluster)},
                      {"tid", s.core}});
  }
  for (const auto& c : d.console)
    events.push_back({{"ph", "X"},
                      {"name", console_label(c.text)},
                      {"cat", "console"},
                      {"ts", us(c.begin_ps)},
                      {"dur", us(c.end_ps - c.begin_ps)},
                      {"pid", pid.cluster(c.cluster)},
                      {"tid", kConsoleTid + static_cast<int>(c.core)},
                      {"args", {{"thread", c.thread}, {"text", c.text}}}});

  for (const TraceInstant& i : d.instants)
    events.push_back({{"ph", "i"},
                      {"s", "t"},
                      {"name", i.name},
                      {"cat", "mailbox"},
                      {"ts", us(i.time_ps)},
                      {"pid", pid.mailbox()},
                      {"tid", direction_track(i.direction)}});
  for (const TraceCounter& c : d.counters) {
    const bool fifo = c.kind == TraceCounter::Kind::kCmdFifo;
    events.push_back({{"ph", "C"},
                      {"name", c.name},
                      {"ts", us(c.time_ps)},
                      {"pid", fifo ? pid.mailbox() : pid.vrings()},
                      {"args", {{fifo ? "level" : "idx", c.value}}}});
  }

  const auto core = [&](const std::string& cluster, const std::string& thread) {
    auto it = core_of_thread.find({cluster, thread});
    return it == core_of_thread.end() ? 0u : it->second;
  };
  // Violations and fault firings: instants on the core that ran the thread (a mailbox fault has
  // no cluster of its own: the mailbox track).
  for (const TraceMark& mark : d.marks) {
    json args = json::object();
    for (const auto& [k, v] : mark.args) args[k] = v;
    const bool on_cluster = pid.cluster(mark.cluster) != 0;
    events.push_back({{"ph", "i"},
                      {"s", "t"},
                      {"name", mark.name},
                      {"cat", mark.category},
                      {"ts", us(mark.time_ps)},
                      {"pid", on_cluster ? pid.cluster(mark.cluster) : pid.mailbox()},
                      {"tid", on_cluster ? core(mark.cluster, mark.thread) : 1u},
                      {"args", args}});
  }

  // Messages: a 1 ns send slice, a 1 ns receive (or drop) slice, and the flow between them, its
  // ends half way into each slice so that they bind to it (a flow binds to the slice enclosing
  // it). A message still in flight has its send slice only.
  std::uint64_t flow = 0;
  for (const Ledger::Record& m : d.messages) {
    const bool received = m.state == "delivered" || m.state == "corrupted";
    const bool dropped = m.state == "dropped";
    const std::string label = m.channel + " #" + std::to_string(m.id);
    const std::uint64_t sent =
        m.stages.has(MessageStage::kSend) ? m.stages.at(MessageStage::kSend) : m.sent_ps;
    json args = {{"id", m.id}, {"state", m.state}, {"length", m.length}};
    if (dropped) args["reason"] = m.reason;
    if (m.read_as != 0) args["read_as"] = m.read_as;
    if (m.echo_of != 0) args["echo_of"] = m.echo_of;
    if (!m.where.empty()) args["where"] = m.where;
    for (unsigned s = 0; s < kMessageStageCount; ++s)
      if (m.stages.has(static_cast<MessageStage>(s)))
        args[std::string(stage_name(static_cast<MessageStage>(s))) + "_us"] = us(m.stages.ps[s]);
    const int spid = pid.side(m.sender.side);
    const unsigned score = core(pid.side_cluster(m.sender.side), m.sender.thread);
    constexpr std::uint64_t kMarkPs = 1000;
    events.push_back({{"ph", "X"},
                      {"name", "send " + label},
                      {"cat", "message"},
                      {"ts", us(sent)},
                      {"dur", us(kMarkPs)},
                      {"pid", spid},
                      {"tid", score},
                      {"args", args}});
    if (!received && !dropped) continue;
    const Actor where = (received ? m.consumer : m.dropped_by).value_or(Actor{m.sender.side, ""});
    const std::uint64_t at = received ? m.received_ps : m.dropped_ps;
    const int rpid = pid.side(where.side);
    const unsigned rcore = core(pid.side_cluster(where.side), where.thread);
    ++flow;
    events.push_back({{"ph", "s"},
                      {"name", "message"},
                      {"cat", "message"},
                      {"id", flow},
                      {"ts", us(sent + kMarkPs / 2)},
                      {"pid", spid},
                      {"tid", score}});
    events.push_back({{"ph", "X"},
                      {"name", (received ? "receive " : "drop ") + label},
                      {"cat", "message"},
                      {"ts", us(at)},
                      {"dur", us(kMarkPs)},
                      {"pid", rpid},
                      {"tid", rcore},
                      {"args", args}});
    events.push_back({{"ph", "f"},
                      {"bp", "e"},
                      {"name", "message"},
                      {"cat", "message"},
                      {"id", flow},
                      {"ts", us(at + kMarkPs / 2)},
                      {"pid", rpid},
                      {"tid", rcore}});
    if (dropped)
      events.push_back({{"ph", "i"},
                        {"s", "t"},
                        {"name", "dropped " + m.reason + ": " + label},
                        {"cat", "drop"},
                        {"ts", us(at)},
                        {"pid", rpid},
                        {"tid", rcore},
                        {"args", {{"id", m.id}, {"reason", m.reason}, {"channel", m.channel}}}});
  }
  return {{"traceEvents", events},
          {"displayTimeUnit", "ns"},
          {"otherData", {{"scenario", d.scenario}, {"generator", "ipcsim"}}}};
}

} // namespace sim::app
