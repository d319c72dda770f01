// The fuzz target: any bytes through parse(), the JSON writer and the ledger. The
// tree must keep its invariants and every JSON text must parse back. Built for
// libFuzzer with clang (GONGWEN_FUZZ=ON), and with a replay main (replay.cpp) that
// runs the saved inputs in every other build.
#include <gongwen/gongwen.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace {

[[noreturn]] void broken(std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "gongwen fuzz: %.*s: %.*s\n", static_cast<int>(what.size()), what.data(),
               static_cast<int>(detail.size()), detail.data());
  std::abort();
}

void parses_back(std::string_view what, const std::string& json, bool lines) {
  if (!lines) {
    if (!nlohmann::json::accept(json)) broken(what, json.substr(0, 200));
    return;
  }
  for (std::size_t b = 0, e; b < json.size(); b = e + 1) {
    e = json.find('\n', b);
    if (e == std::string::npos) e = json.size();
    if (e > b && !nlohmann::json::accept(json.substr(b, e - b))) broken(what, json.substr(b, 200));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks the options, so both readings and forced encodings are covered.
  gongwen::options opts;
  if (size > 0) {
    opts.directives = (data[0] & 1) == 0;
    opts.encoding = static_cast<gongwen::input_encoding>((data[0] >> 1) % 5);
  }
  const gongwen::document doc = gongwen::parse(bytes, opts);
  for (const std::string& problem : gongwen::check_invariants(doc)) broken("invariant", problem);
  for (const gongwen::diagnostic& d : doc.diagnostics()) {
    if (d.at > doc.text().size()) broken("diagnostic", d.message);
    (void)doc.position_of(d.at);
  }
  parses_back("tree JSON", gongwen::to_json(doc, {data[0] % 3 == 0, "fuzz"}), false);
  std::string tasks;
  gongwen::write_tasks_jsonl(tasks, doc, "fuzz");
  parses_back("tasks JSON Lines", tasks, true);
  std::string csv;
  gongwen::write_tasks_csv(csv, doc);
  (void)gongwen::to_outline(doc);
  return 0;
}
