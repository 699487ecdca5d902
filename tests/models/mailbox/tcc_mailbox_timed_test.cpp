// SPDX-License-Identifier: Apache-2.0
// TccMailbox IRQ pin timing with a running kernel. Each TEST runs one simulation (ctest runs every
// TEST in its own process via gtest_discover_tests; never run this binary's tests in one process).
#include <gtest/gtest.h>

#include <functional>
#include <utility>
#include <vector>

#include "models/common/sc_compat.h"
#include "models/mailbox/mailbox.h"
#include "tests/support/fake_initiator.h"
#include "tests/support/irq_probe.h"

namespace sim::models {
namespace {

using namespace mbox;
using sc_core::SC_NS;
using sc_core::sc_time;
using sim::test::FakeInitiator;
using sim::test::IrqProbe;

const sc_time kIrqLatency(50, SC_NS);
const sc_time kAccessLatency(20, SC_NS);
const sc_time kRunFor(2000, SC_NS);

/// Records every value change of a wire with its time.
class EdgeLog : public sc_core::sc_module {
public:
  sc_core::sc_in<bool> in;
  std::vector<std::pair<sc_time, bool>> edges;

  SIM_HAS_PROCESS(EdgeLog);
  explicit EdgeLog(const sc_core::sc_module_name& name) : sc_core::sc_module(name), in("in") {
    SC_METHOD(record);
    sensitive << in;
    dont_initialize();
  }

private:
  void record() { edges.emplace_back(sc_core::sc_time_stamp(), in.read()); }
};

/// The mailbox with both CPUs, all four pins probed, and a driver thread running `script`.
class Bench : public sc_core::sc_module {
public:
  using Script = std::function<void(Bench&)>;

  SIM_HAS_PROCESS(Bench);
  Bench(const sc_core::sc_module_name& name, Script script)
      : sc_core::sc_module(name), mbox("mbox"), cpu_a("cpu_a"), cpu_b("cpu_b"), rx_a("rx_a"),
        tx_a("tx_a"), rx_b("rx_b"), tx_b("tx_b"), probe_rx_b("probe_rx_b"),
        probe_tx_a("probe_tx_a"), log_rx_b("log_rx_b"), log_tx_a("log_tx_a"),
        script_(std::move(script)) {
    cpu_a.out.bind(mbox.a);
    cpu_b.out.bind(mbox.b);
    mbox.irq_rx_a.bind(rx_a);
    mbox.irq_tx_a.bind(tx_a);
    mbox.irq_rx_b.bind(rx_b);
    mbox.irq_tx_b.bind(tx_b);
    probe_rx_b.irq.bind(rx_b);
    probe_tx_a.irq.bind(tx_a);
    log_rx_b.in.bind(rx_b);
    log_tx_a.in.bind(tx_a);
    SC_THREAD(run);
  }

  /// Loosely-timed driver access: issue with no local offset, then consume the latency.
  void wr(FakeInitiator& cpu, std::uint32_t offset, std::uint32_t value) {
    const auto r = cpu.write32(offset, value);
    EXPECT_TRUE(r.ok());
    wait(r.delay);
  }
  std::uint32_t rd(FakeInitiator& cpu, std::uint32_t offset) {
    const auto r = cpu.read32(offset);
    EXPECT_TRUE(r.ok());
    wait(r.delay);
    return static_cast<std::uint32_t>(r.data);
  }
  void pause(const sc_time& t) { wait(t); }
  void wait_until(const sc_time& t) { wait(t - sc_core::sc_time_stamp()); }

  TccMailbox mbox;
  FakeInitiator cpu_a;
  FakeInitiator cpu_b;
  sc_core::sc_signal<bool> rx_a, tx_a, rx_b, tx_b;
  IrqProbe probe_rx_b;
  IrqProbe probe_tx_a;
  EdgeLog log_rx_b;
  EdgeLog log_tx_a;
  /// The script ran to its end: its checks all executed, none was skipped by a hang.
  bool finished = false;

private:
  void run() {
    script_(*this);
    finished = true;
  }
  Script script_;
};

/// Runs the simulation; the script must have finished within it.
void simulate(const Bench& bench) {
  sc_core::sc_start(kRunFor);
  EXPECT_TRUE(bench.finished) << "the driver script did not run to its end within " << kRunFor;
}

using Edges = std::vector<std::pair<sc_time, bool>>;

TEST(TccMailboxTimed, RxIrqRisesIrqLatencyAfterTheSendingAccess) {
  const sc_time kSendAt(100, SC_NS);
  Bench bench("bench", [&](Bench& b) {
    b.wr(b.cpu_b, kCtrlSet, kCtrlIenRead);
    b.wr(b.cpu_a, kCmdTxFifo, 0x42);
    b.wait_until(kSendAt);
    b.wr(b.cpu_a, kCtrlSet, kCtrlOen); // issued at kSendAt
    b.wait_until(kSendAt + kIrqLatency - sc_time(1, SC_NS));
    EXPECT_FALSE(b.probe_rx_b.level());
    b.wait_until(kSendAt + kIrqLatency + sc_time(1, SC_NS));
    EXPECT_TRUE(b.probe_rx_b.level());
  });
  simulate(bench);
  EXPECT_EQ(bench.log_rx_b.edges, (Edges{{kSendAt + kIrqLatency, true}}));
  EXPECT_EQ(bench.probe_rx_b.rising_edges, 1u);
}

TEST(TccMailboxTimed, ADelayedKickRaisesThePeersRxIrqOnlyAfterTheDelay) {
  const sc_time kSendAt(100, SC_NS);
  const sc_time kDelay(300, SC_NS);
  std::vector<std::pair<Terminal, sc_time>> sends;
  Bench bench("bench", [&](Bench& b) {
    b.wr(b.cpu_b, kCtrlSet, kCtrlIenRead);
    b.wr(b.cpu_a, kCmdTxFifo, 0x42);
    b.wait_until(kSendAt);
    b.wr(b.cpu_a, kCtrlSet, kCtrlOen);
  });
  bench.mbox.add_kick_fault(Terminal::kA, 1, KickFault::kDelay, kDelay);
  bench.mbox.on_send([&](Terminal t, bool, sc_time when) { sends.emplace_back(t, when); });
  simulate(bench);
  EXPECT_EQ(bench.log_rx_b.edges, (Edges{{kSendAt + kDelay + kIrqLatency, true}}));
  EXPECT_EQ(bench.mbox.fired_times(0), (std::vector<sc_time>{kSendAt}));
  EXPECT_EQ(sends, (std::vector<std::pair<Terminal, sc_time>>{{Terminal::kA, kSendAt}}));
}

TEST(TccMailboxTimed, RxFallsAndTxDoneRisesIrqLatencyAfterTheDrainingRead) {
  const sc_time kSendAt(100, SC_NS);
  const sc_time kDrainAt(400, SC_NS);
  Bench bench("bench", [&](Bench& b) {
    b.wr(b.cpu_b, kCtrlSet, kCtrlIenRead);
    b.wr(b.cpu_a, kCmdTxFifo, 0x42);
    b.wr(b.cpu_a, kCtrlSet, kCtrlIclrWrite);
    b.wr(b.cpu_a, kCtrlSet, kCtrlIenWrite);
    b.wait_until(kSendAt);
    b.wr(b.cpu_a, kCtrlSet, kCtrlOen);
    b.wait_until(kDrainAt);
    EXPECT_EQ(b.rd(b.cpu_b, kCmdRxFifo), 0x42u);
  });
  simulate(bench);
  EXPECT_EQ(bench.log_rx_b.edges,
            (Edges{{kSendAt + kIrqLatency, true}, {kDrainAt + kIrqLatency, false}}));
  EXPECT_EQ(bench.log_tx_a.edges, (Edges{{kDrainAt + kIrqLatency, true}}));
  EXPECT_TRUE(bench.probe_tx_a.level());
  EXPECT_FALSE(bench.probe_rx_b.level());
}

TEST(TccMailboxTimed, PinListenersSeeEveryLevelChangeAtThePinsTime) {
  const sc_time kSendAt(100, SC_NS);
  const sc_time kDrainAt(400, SC_NS);
  struct Change {
    Terminal terminal;
    IrqKind kind;
    bool level;
    sc_time when;
    bool operator==(const Change& o) const {
      return terminal == o.terminal && kind == o.kind && level == o.level && when == o.when;
    }
  };
  std::vector<Change> changes;
  Bench bench("bench", [&](Bench& b) {
    b.wr(b.cpu_b, kCtrlSet, kCtrlIenRead);
    b.wr(b.cpu_a, kCmdTxFifo, 0x42);
    b.wr(b.cpu_a, kCtrlSet, kCtrlIclrWrite);
    b.wr(b.cpu_a, kCtrlSet, kCtrlIenWrite);
    b.wait_until(kSendAt);
    b.wr(b.cpu_a, kCtrlSet, kCtrlOen);
    b.wait_until(kDrainAt);
    EXPECT_EQ(b.rd(b.cpu_b, kCmdRxFifo), 0x42u);
  });
  bench.mbox.on_pin_change([&](Terminal t, IrqKind k, bool level, sc_time when) {
    changes.push_back({t, k, level, when});
  });
  simulate(bench);
  // The draining read changes both pins; the sender's TX-done is scheduled first.
  const std::vector<Change> want = {{Terminal::kB, IrqKind::kRx, true, kSendAt + kIrqLatency},
                                    {Terminal::kA, IrqKind::kTx, true, kDrainAt + kIrqLatency},
                                    {Terminal::kB, IrqKind::kRx, false, kDrainAt + kIrqLatency}};
  EXPECT_TRUE(changes == want);
}

TEST(TccMailboxTimed, QuickSuccessiveChangesReachThePinInOrder) {
  // Four accesses issued back to back with only annotated time between them (no wait).
  Bench bench("bench", [&](Bench& b) {
    b.wr(b.cpu_a, kCmdTxFifo, 1);
    b.wr(b.cpu_a, kCtrlSet, kCtrlOen);
    const sc_time start = sc_core::sc_time_stamp();
    sc_time local = sc_core::SC_ZERO_TIME;
    for (int i = 0; i < 2; ++i) {
      std::uint32_t set = kCtrlIenRead;
      std::uint32_t clr = ~kCtrlIenRead;
      tlm::tlm_generic_payload p;
      p.set_command(tlm::TLM_WRITE_COMMAND);
      p.set_data_length(4);
      p.set_streaming_width(4);
      p.set_address(kCtrlSet);
      p.set_data_ptr(reinterpret_cast<unsigned char*>(&set));
      EXPECT_EQ(b.cpu_b.raw(p, local), tlm::TLM_OK_RESPONSE);
      p.set_address(kCtrlClr);
      p.set_data_ptr(reinterpret_cast<unsigned char*>(&clr));
      EXPECT_EQ(b.cpu_b.raw(p, local), tlm::TLM_OK_RESPONSE);
    }
    EXPECT_EQ(local, 4 * kAccessLatency);
    b.pause(kIrqLatency - sc_time(1, SC_NS));
    EXPECT_TRUE(b.log_rx_b.edges.empty()) << "nothing may reach the pin before irq_latency";
    b.pause(local + sc_time(1, SC_NS));
    const sc_time t0 = start + kIrqLatency;
    EXPECT_EQ(b.log_rx_b.edges, (Edges{{t0, true},
                                       {t0 + kAccessLatency, false},
                                       {t0 + 2 * kAccessLatency, true},
                                       {t0 + 3 * kAccessLatency, false}}));
  });
  simulate(bench);
  EXPECT_EQ(bench.probe_rx_b.rising_edges, 2u);
  EXPECT_EQ(bench.mbox.pending_irq_changes(), 0u);
}

TEST(TccMailboxTimed, LaterAccessWithEarlierLocalTimeIsNotAppliedBeforeTheEarlierChange) {
  // A decoupled initiator far ahead in local time raises rx_b; a second one, behind in local
  // time, then masks it. Applying the mask first would leave the pin stuck high.
  Bench bench("bench", [&](Bench& b) {
    b.wr(b.cpu_b, kCtrlSet, kCtrlIenRead);
    b.wr(b.cpu_a, kCmdTxFifo, 1);
    std::uint32_t oen = kCtrlOen;
    std::uint32_t clr = ~kCtrlIenRead;
    tlm::tlm_generic_payload p;
    p.set_command(tlm::TLM_WRITE_COMMAND);
    p.set_data_length(4);
    p.set_streaming_width(4);
    sc_time ahead(300, SC_NS);
    p.set_address(kCtrlSet);
    p.set_data_ptr(reinterpret_cast<unsigned char*>(&oen));
    EXPECT_EQ(b.cpu_a.raw(p, ahead), tlm::TLM_OK_RESPONSE);
    sc_time behind = sc_core::SC_ZERO_TIME;
    p.set_address(kCtrlClr);
    p.set_data_ptr(reinterpret_cast<unsigned char*>(&clr));
    EXPECT_EQ(b.cpu_b.raw(p, behind), tlm::TLM_OK_RESPONSE);
  });
  simulate(bench);
  EXPECT_FALSE(bench.mbox.link().irq_rx(Terminal::kB));
  EXPECT_FALSE(bench.probe_rx_b.level());
  EXPECT_EQ(bench.mbox.pending_irq_changes(), 0u);
}

TEST(TccMailboxTimed, AllFourPinsFollowTheLinkLevels) {
  Bench bench("bench", [&](Bench& b) {
    b.wr(b.cpu_a, kCtrlSet, kCtrlIenRead);
    b.wr(b.cpu_b, kCtrlSet, kCtrlIenRead);
    b.wr(b.cpu_b, kCmdTxFifo, 7);
    b.wr(b.cpu_b, kCtrlSet, kCtrlIenWrite | kCtrlOen);
    b.wr(b.cpu_a, kCmdTxFifo, 8);
    b.wr(b.cpu_a, kCtrlSet, kCtrlOen);
    b.pause(kIrqLatency);
    EXPECT_TRUE(b.rx_a.read());
    EXPECT_TRUE(b.rx_b.read());
    EXPECT_EQ(b.rd(b.cpu_a, kCmdRxFifo), 7u); // B's message consumed: B TX-done
    b.pause(kIrqLatency);
    EXPECT_FALSE(b.rx_a.read());
    EXPECT_TRUE(b.tx_b.read());
    EXPECT_FALSE(b.tx_a.read());
    EXPECT_TRUE(b.rx_b.read());
  });
  simulate(bench);
}

} // namespace
} // namespace sim::models
