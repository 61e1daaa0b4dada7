# Entry points. The README's two commands are `make demo` and `make test`.
.PHONY: demo test test-fast lint format bench services-start services-stop frontend

demo:            ## set up and run the seeded demo on http://localhost:8000
	scripts/demo.sh

test:            ## the whole test suite, as CI runs it (installs what is missing)
	scripts/test.sh

test-fast:       ## Python tests on SQLite only, no installs, no browser
	python3 -m pytest -m "not stack and not postgres and not e2e" -q

lint:            ## static checks
	ruff check . && ruff format --check . && lint-imports && mypy && \
	python3 manage.py makemigrations --check --dry-run

format:
	ruff format . && ruff check --fix .

frontend:        ## build the web app into frontend/dist
	cd frontend && npm ci && npm run build

bench:           ## all benchmarks (see bench/README.md); installs what they need, prints the machine and the tables
	scripts/bench.sh

services-start:  ## a throw-away PostgreSQL and Redis for local runs of the stack tests
	@scripts/services.sh start

services-stop:
	scripts/services.sh stop
