// SPDX-License-Identifier: Apache-2.0
// run_scenario in four phases: build the platform, instrument it (sanitizer names, timeline,
// VCD, faults, ledger, core accounting), run the software until it is done or `stop_at`, and
// collect what happened into a RunOutput.
#include "sim/run/runner.h"

#include <algorithm>
#include <chrono>

#include "models/common/log.h"
#include "models/common/tlm_util.h"
#include "models/platform/platform.h"
#include "sim/run/platform_stats.h"
#include "sim/run/shared_symbols.h"
#include "sim/run/software_boot.h"
#include "sim/run/trace_recorder.h"
#include "sim/run/vcd_trace.h"
#include "sim/scenario/faults.h"

namespace sim::app {
namespace {

/// The vring index fields (avail.idx, used.idx of both rings) among the shared symbols.
std::vector<sw::shm::Symbol> ring_indices(const std::vector<sw::shm::Symbol>& symbols) {
  std::vector<sw::shm::Symbol> out;
  for (const sw::shm::Symbol& s : symbols)
    for (const char* name :
         {"vring0.avail.idx", "vring0.used.idx", "vring1.avail.idx", "vring1.used.idx"})
      if (s.name == name) out.push_back(s);
  return out;
}

/// The shared structures by name when a side speaks RPMsg; bare programs have their own layout,
/// their bytes are reported by address.
std::vector<sw::shm::Symbol> named_structures(const Scenario& sc) {
  const auto rpmsg = [](const std::vector<AppInstance>& apps) {
    return std::any_of(apps.begin(), apps.end(), [](const AppInstance& a) { return !a.bare(); });
  };
  return rpmsg(sc.master_apps) || rpmsg(sc.remote_apps) ? shared_symbols(sc)
                                                        : std::vector<sw::shm::Symbol>{};
}

class ScenarioRun {
public:
  /// Build: the platform from the board, and the names of what the sides share.
  ScenarioRun(const Scenario& sc, const RunOptions& options)
      : sc_(sc), options_(options), platform_("platform", sc.board, sc.seed),
        symbols_(named_structures(sc)), activity_(options.trace) {}

  /// Instrument: what watches the run (none of it changes what the software does) and the
  /// faults armed on the models.
  void instrument() {
    if (sc_.sanitizer) name_shared_structures(platform_.enable_coherency_sanitizer());
    if (options_.trace || !options_.vcd.empty()) record_timeline();
    if (options_.access_trace) record_remote_accesses();
    for (const std::shared_ptr<const Fault>& f : sc_.faults)
      fault_readouts_.push_back(f->arm(platform_));
    for (std::size_t i = 0; i < platform_.clusters(); ++i) {
      models::Cluster& cluster = platform_.cluster_at(i);
      models::OsKernel& kernel = cluster.kernel();
      kernel.set_activity_observer(&activity_.cluster(cluster.cluster(), kernel.cores()));
    }
    platform_.mailbox().on_send([this](models::Terminal t, bool delivered, sc_core::sc_time when) {
      ledger_.on_kick(models::side_of(t), delivered, sc_to_ps(when));
    });
    platform_.mailbox().on_pin_change(
        [this](models::Terminal t, models::IrqKind kind, bool level, sc_core::sc_time when) {
          if (kind == models::IrqKind::kRx)
            ledger_.on_rx_irq(models::side_of(t), level, sc_to_ps(when));
        });
  }

  /// Run: boot the software and simulate until it is done (then let it settle) or `stop_at`.
  void run() {
    software_ = std::make_unique<SoftwareBoot>(platform_, sc_, ledger_);
    sc_core::sc_spawn([this] { stop_when_done(); }, "stop_when_done");
    sc_core::sc_start(ps_to_sc(sc_.stop_at));
  }

  /// The simulated software's threads still waiting are unwound (their stacks' objects
  /// destroyed), after the results are taken.
  void unwind() {
    std::vector<models::Cluster*> clusters;
    for (std::size_t i = 0; i < platform_.clusters(); ++i)
      clusters.push_back(&platform_.cluster_at(i));
    models::unwind_software(clusters);
  }

  /// Collect: the result, the expectations' verdicts, the timing, the models' counters and, on
  /// request, the timeline.
  RunOutput collect(std::chrono::steady_clock::time_point wall_start) {
    RunOutput out;
    RunResult& r = out.result;
    r.sim_time_ps = sc_to_ps(sc_core::sc_time_stamp());
    collect_clusters(out);
    const SoftwareBoot& software = *software_;
    r.outcome = !r.panics.empty()          ? "panic"
                : software.attach_failed() ? "attach_failed"
                : software.all_done()      ? "completed"
                                           : "timeout";
    collect_software(out);
    const FaultRunFacts facts{platform_, software.linux_status(), software.zephyr_images(),
                              software.restarted_at()};
    for (std::size_t i = 0; i < sc_.faults.size(); ++i) {
      r.faults.push_back(sc_.faults[i]->blank_record());
      fault_readouts_[i](facts, r.faults.back());
    }
    if (const models::coherency::CoherencySanitizer* san = platform_.sanitizer()) {
      r.coherency.enabled = true;
      r.coherency.findings = san->findings();
      r.coherency.by_kind = san->by_kind();
      r.coherency.stats = san->stats();
    }
    activity_.finish(r.sim_time_ps);
    vcd_.reset(); // closes the file
    std::vector<Side> halted;
    for (Side side : kSides)
      if (platform_.cluster(side).panic_info()) halted.push_back(side);
    ledger_.finish(r.sim_time_ps, halted);
    r.message_log = ledger_.records();
    r.messages = ledger_.summary(r.message_log);
    r.ledger_notes = ledger_.notes();
    out.timing = summarize_timing(r.message_log, activity_.usage());
    out.stats = platform_stats(platform_);
    if (options_.trace) out.trace = trace_data(r);
    if (accesses_) out.access_trace = accesses_->accesses();
    out.expectations = evaluate(sc_.expect, r);
    r.wall_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall_start)
            .count();
    return out;
  }

private:
  void name_shared_structures(models::coherency::CoherencySanitizer& san) {
    for (const sw::shm::Symbol& sym : symbols_) {
      try {
        san.add_symbol(sym.addr, sym.size, sym.name);
      } catch (const std::invalid_argument&) {
        // A layout that puts two structures on the same bytes (a misplaced table) is a finding
        // of the run, not an input error; the first name wins.
        SIM_WARN("coherency", "symbol " << sym.name << " at " << format_hex(sym.addr)
                                        << " overlaps another; not named");
      }
    }
  }

  void record_timeline() {
    const std::vector<sw::shm::Symbol> indices = ring_indices(symbols_);
    timeline_ = std::make_unique<TraceRecorder>(platform_, indices);
    if (models::coherency::CoherencySanitizer* san = platform_.sanitizer()) timeline_->watch(*san);
    if (options_.vcd.empty()) return;
    std::vector<std::string> counters;
    for (Direction d : kDirections) counters.push_back(TraceRecorder::fifo_counter(d));
    for (const sw::shm::Symbol& s : indices) counters.push_back(s.name);
    vcd_ = std::make_unique<VcdTrace>(platform_, options_.vcd, counters);
    timeline_->on_counter([v = vcd_.get()](const TraceCounter& c) { v->on_counter(c); });
  }

  /// The remote's accesses to the carve-outs, named like the sanitizer names them.
  void record_remote_accesses() {
    std::vector<WatchedRange> ranges;
    for (const models::CarveoutConfig& c : sc_.board.carveouts) ranges.push_back({c.base, c.size});
    // Sorted, and a name over bytes an earlier one already has is left out (the sanitizer warns
    // of such a layout when it names the structures).
    std::vector<sw::shm::Symbol> sorted = symbols_;
    std::stable_sort(
        sorted.begin(), sorted.end(),
        [](const sw::shm::Symbol& a, const sw::shm::Symbol& b) { return a.addr < b.addr; });
    std::vector<sw::shm::Symbol> kept;
    for (sw::shm::Symbol& sym : sorted)
      if (kept.empty() || kept.back().addr + kept.back().size <= sym.addr)
        kept.push_back(std::move(sym));
    sw::shm::SymbolMap names(std::move(kept));
    accesses_ = std::make_unique<AccessRecorder>(std::move(ranges), std::move(names),
                                                 platform_.dcache(Side::kRemote).config().line);
    platform_.dcache(Side::kRemote).add_observer(accesses_.get());
    platform_.cluster(Side::kRemote).add_observer(accesses_.get());
  }

  /// Once every awaited application is done, let in-flight work settle (a last echo, an NS
  /// destroy) and the consoles finish what is in their FIFOs, then stop.
  void stop_when_done() {
    // Nothing to finish on (only servers): the run goes to stop_at.
    if (!software_->awaits_any()) return;
    if (!software_->all_done()) sc_core::wait(software_->finished());
    if (software_->all_done()) sc_core::wait(ps_to_sc(sc_.settle));
    for (Side side : kSides) {
      if (models::Uart* u = platform_.uart(side)) {
        const models::UartCore& core = u->core();
        const Picoseconds now = sc_to_ps(sc_core::sc_time_stamp());
        const unsigned level = core.fifo_level(now);
        if (level > 0) sc_core::wait(ps_to_sc((level + 1) * core.char_time()));
      }
    }
    // Paused, not stopped: once the results are taken the software is unwound (unwind()).
    sc_core::sc_pause();
  }

  void collect_clusters(RunOutput& out) {
    RunResult& r = out.result;
    for (std::size_t i = 0; i < platform_.clusters(); ++i) {
      models::Cluster& cluster = platform_.cluster_at(i);
      cluster.kernel().finish_accounting();
      if (cluster.panic_info()) r.panics.push_back(*cluster.panic_info());
    }
    for (Side side : kSides) {
      if (models::Uart* u = platform_.uart(side)) {
        r.console[side] = u->output();
        const models::UartCore::Stats& s = u->core().stats();
        r.consoles[side] = {s.lines, s.chars, s.busy_time, s.stalls, s.stall_time};
        for (const auto& line : u->lines())
          out.console_lines.emplace_back(side, "[" + format_time(line.time) + "] " + line.text);
      }
    }
  }

  void collect_software(RunOutput& out) {
    RunResult& r = out.result;
    if (const sw::lnx::LinuxStatus* l = software_->linux_status()) {
      out.linux_status = *l;
      r.attach_error = l->attach_error;
      r.channels = l->channels_created;
      r.linux_counters = linux_counters(*l);
    }
    if (const sw::zephyr::ZephyrStatus* z = software_->zephyr_status()) {
      out.zephyr_status = *z;
      r.zephyr_counters = zephyr_counters(*z);
      r.zephyr_error = z->error;
      r.zephyr_images = software_->zephyr_images().size();
    }
    if (const models::iss::FirmwareCpu* cpu = software_->firmware_cpu()) {
      RunOutput::Firmware f;
      f.file = sc_.remote.firmware;
      f.cpu = cpu->stats();
      const FirmwareWire& wire = *software_->firmware_wire();
      f.taken = wire.taken();
      f.handed = wire.handed();
      f.published = wire.published();
      f.app_reports = software_->firmware_probes()->events();
      f.app_report_errors = software_->firmware_probes()->errors();
      f.kicks = software_->firmware_probes()->kicks();
      f.kicks_lost = software_->firmware_probes()->kicks_lost();
      out.firmware = f;
    }
    r.nothing_awaited = !software_->awaits_any();
  }

  TraceData trace_data(const RunResult& r) {
    std::vector<TraceMark> marks = timeline_->marks();
    for (const FaultRecord& f : r.faults)
      for (Picoseconds when : f.fired)
        marks.push_back({side_name(f.side), "", when, "fault", "fault " + f.description, {}});
    std::vector<std::pair<std::string, std::optional<Side>>> clusters;
    for (const models::ClusterBoardConfig& c : sc_.board.clusters)
      clusters.emplace_back(c.name, c.side);
    return TraceData{sc_.name,
                     std::move(clusters),
                     activity_.slices(),
                     activity_.console_slices(),
                     timeline_->instants(),
                     timeline_->counters(),
                     std::move(marks),
                     r.message_log};
  }

  const Scenario& sc_;
  const RunOptions& options_;
  models::Platform platform_;
  const std::vector<sw::shm::Symbol> symbols_;
  Ledger ledger_;
  CoreActivityRecorder activity_;
  std::unique_ptr<TraceRecorder> timeline_;
  std::unique_ptr<VcdTrace> vcd_;
  std::unique_ptr<AccessRecorder> accesses_;
  std::unique_ptr<SoftwareBoot> software_;
  std::vector<FaultReadout> fault_readouts_; ///< one per scenario fault, once armed
};

} // namespace

RunOutput run_scenario(const Scenario& sc, const RunOptions& options) {
  const auto wall_start = std::chrono::steady_clock::now();
  ScenarioRun run(sc, options);
  run.instrument();
  run.run();
  RunOutput out = run.collect(wall_start);
  run.unwind();
  return out;
}

} // namespace sim::app
