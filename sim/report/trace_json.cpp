// SPDX-License-Identifier: Apache-2.0
#include "sim/report/trace_json.h"

#include <map>

namespace sim::app {
namespace {

using json = nlohmann::ordered_json;

constexpr int kMasterPid = 1;
constexpr int kRemotePid = 2;
constexpr int kMailboxPid = 3;
constexpr int kVringsPid = 4;
constexpr int kConsoleTid = 100; ///< + core

int pid_of(const std::string& cluster) {
  return cluster == "master" ? kMasterPid : kRemotePid;
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
  std::map<std::string, unsigned> cores; // cluster -> cores seen
  for (const auto& s : d.slices) cores[s.cluster] = std::max(cores[s.cluster], s.core + 1);
  events.push_back(meta("process_name", kMasterPid, -1, "master (Linux)"));
  events.push_back(meta("process_name", kRemotePid, -1, "remote (Zephyr)"));
  events.push_back(meta("process_name", kMailboxPid, -1, "mailbox"));
  events.push_back(meta("process_name", kVringsPid, -1, "vrings"));
  for (const auto& [cluster, n] : cores)
    for (unsigned c = 0; c < n; ++c) {
      events.push_back(
          meta("thread_name", pid_of(cluster), static_cast<int>(c), "core " + std::to_string(c)));
      events.push_back(meta("thread_name", pid_of(cluster), kConsoleTid + static_cast<int>(c),
                            "core " + std::to_string(c) + " console"));
    }
  events.push_back(meta("thread_name", kMailboxPid, 1, TraceRecorder::direction("master")));
  events.push_back(meta("thread_name", kMailboxPid, 2, TraceRecorder::direction("remote")));

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
                      {"pid", pid_of(s.cluster)},
                      {"tid", s.core}});
  }
  for (const auto& c : d.console)
    events.push_back({{"ph", "X"},
                      {"name", console_label(c.text)},
                      {"cat", "console"},
                      {"ts", us(c.begin_ps)},
                      {"dur", us(c.end_ps - c.begin_ps)},
                      {"pid", pid_of(c.cluster)},
                      {"tid", kConsoleTid + static_cast<int>(c.core)},
                      {"args", {{"thread", c.thread}, {"text", c.text}}}});

  for (const TraceInstant& i : d.instants)
    events.push_back({{"ph", "i"},
                      {"s", "t"},
                      {"name", i.name},
                      {"cat", "mailbox"},
                      {"ts", us(i.time_ps)},
                      {"pid", kMailboxPid},
                      {"tid", i.track == TraceRecorder::direction("master") ? 1 : 2}});
  for (const TraceCounter& c : d.counters) {
    const bool fifo = c.name.rfind("cmd FIFO", 0) == 0;
    events.push_back({{"ph", "C"},
                      {"name", c.name},
                      {"ts", us(c.time_ps)},
                      {"pid", fifo ? kMailboxPid : kVringsPid},
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
    const bool on_cluster = mark.cluster == "master" || mark.cluster == "remote";
    events.push_back({{"ph", "i"},
                      {"s", "t"},
                      {"name", mark.name},
                      {"cat", mark.category},
                      {"ts", us(mark.time_ps)},
                      {"pid", on_cluster ? pid_of(mark.cluster) : kMailboxPid},
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
    const int spid = pid_of(cluster_of(m.sender));
    const unsigned score = core(cluster_of(m.sender), thread_of(m.sender));
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
    const std::string& where = received ? m.consumer : m.dropped_by;
    const std::uint64_t at = received ? m.received_ps : m.dropped_ps;
    const int rpid = pid_of(cluster_of(where));
    const unsigned rcore = core(cluster_of(where), thread_of(where));
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
