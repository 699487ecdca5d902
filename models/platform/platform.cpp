// SPDX-License-Identifier: Apache-2.0
#include "models/platform/platform.h"

#include "models/common/tlm_util.h"

namespace sim::models {

// One cluster with its interrupt controller, D-cache and UART; the mailbox interrupt wires only
// on the two sides' clusters.
struct Platform::Node {
  std::string name;
  std::optional<Side> side;
  std::unique_ptr<IrqController> irq;
  std::unique_ptr<Cluster> cluster;
  std::unique_ptr<Cache> dcache;
  std::unique_ptr<Uart> uart;
  std::unique_ptr<IrqLine> mbox_rx; ///< null off the two sides
  std::unique_ptr<IrqLine> mbox_tx;
  coherency::SanitizerFeed* feed = nullptr; ///< once the sanitizer is enabled
};

// Forwards what could change a polled value to the memory watch of one cluster: DRAM writes by
// anyone, and this cluster's own cache line fills, evictions, invalidations and writes.
class Platform::WatchFeeder : public MemoryObserver, public CacheObserver {
public:
  explicit WatchFeeder(MemoryWatch& watch) : watch_(watch) {}
  void on_write(std::uint64_t addr, unsigned len, const std::uint8_t*) override {
    if (!watch_.idle()) watch_.touched(addr, len);
  }
  void on_write(std::uint64_t addr, const std::uint8_t*, unsigned len, bool,
                std::uint64_t) override {
    if (!watch_.idle()) watch_.touched(addr, len);
  }
  void on_fill(std::uint64_t line, const std::uint8_t*, unsigned len, bool,
               std::uint64_t) override {
    if (!watch_.idle()) watch_.touched(line, len);
  }
  void on_evict(std::uint64_t line, bool, std::uint64_t) override { line_event(line); }
  void on_invalidate(std::uint64_t line, bool, std::uint64_t) override { line_event(line); }
  void set_line_size(unsigned line) { line_ = line; }

private:
  void line_event(std::uint64_t line) {
    if (!watch_.idle()) watch_.touched(line, line_);
  }
  MemoryWatch& watch_;
  unsigned line_ = 64;
};

Platform::Platform(const sc_core::sc_module_name& name, const BoardConfig& board,
                   std::uint64_t seed)
    : sc_core::sc_module(name), board_(board) {
  tlm::tlm_global_quantum::instance().set(ps_to_sc(board.quantum));

  RouterConfig rc;
  rc.name = "router";
  router_ = std::make_unique<Router>(rc);
  unsigned port = 0;
  for (const MemoryBankConfig& bank : board.memory) {
    memories_.push_back(std::make_unique<Memory>(bank.memory));
    Memory& m = *memories_.back();
    m.set_report_base(bank.base);
    router_->out.bind(m.in);
    router_->map(port++, bank.base, bank.memory.size, bank.memory.name);
    for (const CarveoutConfig& c : board.carveouts)
      if (c.base >= bank.base && c.base + c.size <= bank.base + bank.memory.size)
        m.deny_dmi(c.base - bank.base, c.size);
  }

  MailboxConfig mc = board.mailbox.model;
  mc.name = "mailbox";
  mailbox_ = std::make_unique<TccMailbox>("mailbox", mc);
  // Terminal A is the remote's (MP) window, terminal B the master's (SP), as on the TCC807x.
  router_->out.bind(mailbox_->a);
  router_->map(port++, board.mailbox.remote.base, BoardConfig::kMailboxWindow, "mailbox.remote");
  router_->out.bind(mailbox_->b);
  router_->map(port++, board.mailbox.master.base, BoardConfig::kMailboxWindow, "mailbox.master");

  for (const ClusterBoardConfig& c : board.clusters) {
    nodes_.push_back(std::make_unique<Node>());
    nodes_.back()->name = c.name;
    nodes_.back()->side = c.side;
    if (c.side) sides_[*c.side] = nodes_.back().get();
  }
  for (const ClusterBoardConfig& c : board.clusters) {
    if (!c.uart) continue;
    Node& n = *nodes_[static_cast<std::size_t>(&c - board.clusters.data())];
    n.uart = std::make_unique<Uart>(c.uart->model);
    router_->out.bind(n.uart->in);
    router_->map(port++, c.uart->base, BoardConfig::kUartWindow, c.name + ".uart");
  }
  for (std::size_t i = 0; i < nodes_.size(); ++i) build_node(*nodes_[i], board.clusters[i], seed);
  for (Side side : kSides) {
    const Terminal t = mailbox_terminal(side);
    (t == Terminal::kA ? mailbox_->irq_rx_a : mailbox_->irq_rx_b).bind(*node(side).mbox_rx);
    (t == Terminal::kA ? mailbox_->irq_tx_a : mailbox_->irq_tx_b).bind(*node(side).mbox_tx);
  }

  // Every cluster's poll watch hears every DRAM write.
  for (const std::unique_ptr<Node>& n : nodes_) {
    auto feeder = std::make_unique<WatchFeeder>(n->cluster->watch());
    feeder->set_line_size(n->dcache->geometry().line());
    n->dcache->add_observer(feeder.get());
    for (std::size_t i = 0; i < memories_.size(); ++i)
      memories_[i]->add_observer(feeder.get(), 0, board.memory[i].memory.size);
    feeders_.push_back(std::move(feeder));
  }
}

Platform::~Platform() = default;

void Platform::build_node(Node& s, const ClusterBoardConfig& c, std::uint64_t seed) {
  const std::string& side = c.name;
  IrqControllerConfig ic;
  ic.cores = c.cores;
  ic.delivery_latency = c.irq_delivery_latency;
  s.irq = std::make_unique<IrqController>((side + "_gic").c_str(), ic);

  ClusterConfig cc;
  cc.side = c.side;
  cc.cores = c.cores;
  cc.clock_hz = c.clock_hz;
  cc.os = c.os;
  for (const MmuRegion& r : c.mmu) cc.mmu.add(r);
  if (c.side) {
    const MailboxTerminalConfig& terminal = board_.mailbox.terminal(*c.side);
    s.mbox_rx = std::make_unique<IrqLine>((side + "_mbox_irq_rx").c_str());
    s.mbox_tx = std::make_unique<IrqLine>((side + "_mbox_irq_tx").c_str());
    s.irq->connect(terminal.irq_rx, *s.mbox_rx);
    s.irq->connect(terminal.irq_tx, *s.mbox_tx);
    // The cluster's own peripherals are device memory in its page tables.
    cc.mmu.add({"mailbox", terminal.base, BoardConfig::kMailboxWindow, MemAttr::kDevice});
  }
  if (c.uart) {
    cc.mmu.add({"uart", c.uart->base, BoardConfig::kUartWindow, MemAttr::kDevice});
    cc.uart_base = c.uart->base;
    UartCore& uart = s.uart->core();
    cc.console_space_at = [&uart](std::uint64_t now) { return uart.space_at(now); };
    cc.console_waited = [&uart](std::uint64_t waited) { uart.record_wait(waited); };
  }
  s.cluster = std::make_unique<Cluster>(side.c_str(), cc, *s.irq);

  CacheConfig dc = c.dcache;
  dc.name = side + ".dcache";
  dc.seed = seed;
  s.dcache = std::make_unique<Cache>((side + "_dcache").c_str(), dc);
  s.cluster->set_dcache(s.dcache.get());
  for (unsigned i = 0; i < c.cores; ++i) {
    s.cluster->cached[i]->bind(s.dcache->cpu_side);
    s.cluster->uncached[i]->bind(router_->in);
  }
  s.dcache->mem_side.bind(router_->in);

  // eviction: on_doorbell evicts the whole D-cache when the mailbox interrupt reaches the cluster.
  if (!s.mbox_rx) return;
  Cache* dcache = s.dcache.get();
  IrqLine* rx = s.mbox_rx.get();
  sc_core::sc_spawn_options opts;
  opts.spawn_method();
  opts.set_sensitivity(&rx->posedge_event());
  opts.dont_initialize();
  sc_core::sc_spawn(
      [dcache] {
        sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
        dcache->doorbell(delay);
      },
      (side + "_doorbell").c_str(), &opts);
}

coherency::CoherencySanitizer& Platform::enable_coherency_sanitizer() {
  if (sanitizer_) return *sanitizer_;
  sanitizer_ = std::make_unique<coherency::CoherencySanitizer>();
  for (const CarveoutConfig& c : board_.carveouts) sanitizer_->track(c.base, c.size);
  for (const std::unique_ptr<Node>& n : nodes_) {
    OsKernel* kernel = &n->cluster->kernel();
    auto feed = std::make_unique<coherency::SanitizerFeed>(
        *sanitizer_, n->name, n->dcache->geometry().line(),
        [kernel]() -> const std::string& { return kernel->current_thread(); });
    n->dcache->add_observer(feed.get());
    n->cluster->add_observer(feed.get());
    n->feed = feed.get();
    sanitizer_feeds_.push_back(std::move(feed));
  }
  // A mailbox send is the release of what the sender wrote.
  mailbox_->on_send([this](Terminal t, bool, sc_core::sc_time when) {
    node(side_of(t)).feed->release(sc_to_ps(when));
  });
  return *sanitizer_;
}

void Platform::reset_cache(Side side) {
  Node& n = node(side);
  if (n.feed != nullptr) sanitizer_->reset_cluster(n.feed->id());
  n.dcache->reset();
}

const IrqLine& Platform::mailbox_irq(Side side, IrqKind kind) {
  Node& n = node(side);
  return kind == IrqKind::kRx ? *n.mbox_rx : *n.mbox_tx;
}

Platform::Node& Platform::node(Side side) {
  return *sides_[side];
}

Cluster& Platform::cluster_at(std::size_t i) {
  return *nodes_.at(i)->cluster;
}
Cache& Platform::dcache_at(std::size_t i) {
  return *nodes_.at(i)->dcache;
}

Cluster& Platform::cluster(Side side) {
  return *node(side).cluster;
}
Cache& Platform::dcache(Side side) {
  return *node(side).dcache;
}
IrqController& Platform::irq(Side side) {
  return *node(side).irq;
}
Uart* Platform::uart(Side side) {
  return node(side).uart.get();
}

} // namespace sim::models
