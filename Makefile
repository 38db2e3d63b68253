# LienThong — two commands do everything on a fresh machine:
#   make run    install what is missing, build, run the demo on generated registries (SQLite)
#   make test   install what is missing, build with warnings as errors, run every test (beside a throwaway PostgreSQL)
SWIFT        ?= swift
BUILD_FLAGS  := -Xswiftc -warnings-as-errors --explicit-target-dependency-import-check error
DEMO_DIR     ?= out/demo
PERSONS      ?= 2000
SEED         ?= 42

.PHONY: run test build deps bench lint clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

run: build
	@rm -f $(DEMO_DIR).db $(DEMO_DIR).db-wal $(DEMO_DIR).db-shm $(DEMO_DIR).db-access $(DEMO_DIR).db-access-wal $(DEMO_DIR).db-access-shm
	@mkdir -p $(DEMO_DIR)
	.build/debug/lienthong demo --persons $(PERSONS) --seed $(SEED) --out $(DEMO_DIR) --store sqlite:$(DEMO_DIR).db
	@echo
	@echo "── the first feed events (lienthong feed --after 0 --limit 2):"
	@.build/debug/lienthong feed --after 0 --limit 2 --store sqlite:$(DEMO_DIR).db
	@echo
	@echo "Explore: .build/debug/lienthong --help   (store: $(DEMO_DIR).db, files: $(DEMO_DIR)/)"

# The tests' stores, generated registries and scratch files go under a temporary directory of this run (TMPDIR,
# world-writable like /tmp: some tests run the binary as an unprivileged user), removed when every test passed and
# kept, with its path printed, when one failed.
test: deps
	@scripts/install-deps.sh --with-postgres
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	@scratch=$$(mktemp -d /tmp/lt-tests.XXXXXX) && chmod 1777 "$$scratch" && \
	  TMPDIR="$$scratch" scripts/with-postgres.sh $(SWIFT) test --skip-build; status=$$?; \
	  if [ $$status -eq 0 ]; then rm -rf "$$scratch"; else echo "make test: the tests' files are kept in $$scratch" >&2; fi; \
	  exit $$status

bench:
	@scripts/install-deps.sh --with-bench --with-postgres
	bench/decode.sh
	bench/run.sh
	bench/resolve.sh
	bench/febrl.sh
	bench/sync.sh
	bench/api.sh
	bench/postgres.sh
	bench/roundtrips.sh
	bench/postgres-plans.sh
	bench/postgres-rebuild.sh

lint:
	$(SWIFT) format lint --strict -r Sources Tests

clean:
	rm -rf .build out
