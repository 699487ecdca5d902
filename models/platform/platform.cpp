// SPDX-License-Identifier: Apache-2.0
#include "models/platform/platform.h"

#include "models/common/tlm_util.h"

namespace sim::models {

struct Platform::Side {
  std::unique_ptr<IrqController> irq;
  std::unique_ptr<Cluster> cluster;
  std::unique_ptr<Cache> dcache;
  std::unique_ptr<Uart> uart;
  std::unique_ptr<IrqLine> mbox_rx;
  std::unique_ptr<IrqLine> mbox_tx;
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

  master_ = std::make_unique<Side>();
  remote_ = std::make_unique<Side>();
  for (Side* s : {remote_.get(), master_.get()}) {
    const bool is_master = s == master_.get();
    const ClusterBoardConfig& c = is_master ? board.master : board.remote;
    if (!c.uart) continue;
    s->uart = std::make_unique<Uart>(c.uart->model);
    router_->out.bind(s->uart->in);
    router_->map(port++, c.uart->base, BoardConfig::kUartWindow, c.side + ".uart");
  }
  build_side(*remote_, board.remote, board.mailbox.remote, seed);
  build_side(*master_, board.master, board.mailbox.master, seed);
  mailbox_->irq_rx_a.bind(*remote_->mbox_rx);
  mailbox_->irq_tx_a.bind(*remote_->mbox_tx);
  mailbox_->irq_rx_b.bind(*master_->mbox_rx);
  mailbox_->irq_tx_b.bind(*master_->mbox_tx);

  // Every cluster's poll watch hears every DRAM write.
  for (Side* s : {master_.get(), remote_.get()}) {
    auto feeder = std::make_unique<WatchFeeder>(s->cluster->watch());
    feeder->set_line_size(s->dcache->geometry().line());
    s->dcache->add_observer(feeder.get());
    for (std::size_t i = 0; i < memories_.size(); ++i)
      memories_[i]->add_observer(feeder.get(), 0, board.memory[i].memory.size);
    feeders_.push_back(std::move(feeder));
  }
}

Platform::~Platform() = default;

void Platform::build_side(Side& s, const ClusterBoardConfig& c,
                          const MailboxTerminalConfig& terminal, std::uint64_t seed) {
  const std::string& side = c.side;
  IrqControllerConfig ic;
  ic.cores = c.cores;
  ic.delivery_latency = c.irq_delivery_latency;
  s.irq = std::make_unique<IrqController>((side + "_gic").c_str(), ic);
  s.mbox_rx = std::make_unique<IrqLine>((side + "_mbox_irq_rx").c_str());
  s.mbox_tx = std::make_unique<IrqLine>((side + "_mbox_irq_tx").c_str());
  s.irq->connect(terminal.irq_rx, *s.mbox_rx);
  s.irq->connect(terminal.irq_tx, *s.mbox_tx);

  ClusterConfig cc;
  cc.cores = c.cores;
  cc.clock_hz = c.clock_hz;
  cc.os = c.os;
  for (const MmuRegion& r : c.mmu) cc.mmu.add(r);
  // The cluster's own peripherals are device memory in its page tables.
  cc.mmu.add({"mailbox", terminal.base, BoardConfig::kMailboxWindow, MemAttr::kDevice});
  if (c.uart) {
    cc.mmu.add({"uart", c.uart->base, BoardConfig::kUartWindow, MemAttr::kDevice});
    cc.uart_base = c.uart->base;
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
  for (const char* name : {"master", "remote"}) {
    Side& s = side(name);
    OsKernel* kernel = &s.cluster->kernel();
    auto feed = std::make_unique<coherency::SanitizerFeed>(
        *sanitizer_, name, s.dcache->geometry().line(),
        [kernel]() -> const std::string& { return kernel->current_thread(); });
    s.dcache->add_observer(feed.get());
    s.cluster->add_observer(feed.get());
    sanitizer_feeds_.push_back(std::move(feed));
  }
  // A mailbox send is the release.
  coherency::SanitizerFeed* master = sanitizer_feeds_[0].get();
  coherency::SanitizerFeed* remote = sanitizer_feeds_[1].get();
  mailbox_->on_send([master, remote](Terminal t, bool, sc_core::sc_time when) {
    (t == mailbox_terminal("master") ? master : remote)->release(sc_to_ps(when));
  });
  return *sanitizer_;
}

void Platform::reset_cache(const std::string& name) {
  Side& s = side(name);
  if (sanitizer_)
    sanitizer_->reset_cluster(name == "master" ? sanitizer_feeds_[0]->id()
                                               : sanitizer_feeds_[1]->id());
  s.dcache->reset();
}

const IrqLine& Platform::mailbox_irq(const std::string& name, IrqKind kind) {
  Side& s = side(name);
  return kind == IrqKind::kRx ? *s.mbox_rx : *s.mbox_tx;
}

Platform::Side& Platform::side(const std::string& name) {
  if (name == "master") return *master_;
  if (name == "remote") return *remote_;
  throw std::invalid_argument("no cluster side '" + name + "' (master or remote)");
}

Cluster& Platform::cluster(const std::string& s) {
  return *side(s).cluster;
}
Cache& Platform::dcache(const std::string& s) {
  return *side(s).dcache;
}
IrqController& Platform::irq(const std::string& s) {
  return *side(s).irq;
}
Uart* Platform::uart(const std::string& s) {
  return side(s).uart.get();
}

} // namespace sim::models
