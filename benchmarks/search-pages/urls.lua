-- Cycles through the search page URLs in urls.txt (one path per line), one per request, in each wrk thread.
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("DIGEST_URLS") or "urls.txt") do
    if #line > 0 then paths[#paths + 1] = line end
  end
  -- Threads start at different points so they do not request the same page at the same moment.
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  io.write(string.format("pages: %d, non-2xx/3xx: %d, errors: %d\n", summary.requests,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  io.write(string.format("requests/s: %.1f\n", summary.requests / (summary.duration / 1e6)))
  for _, p in pairs({ 50, 90, 99 }) do
    io.write(string.format("latency p%d: %.1f ms\n", p, latency:percentile(p) / 1000))
  end
end
