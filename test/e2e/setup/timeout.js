// Booting n8n and running workflows in it takes seconds per step.
jest.setTimeout(300_000);
