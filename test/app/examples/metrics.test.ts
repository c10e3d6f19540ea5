import request from 'supertest';
import { createApp } from '../../../examples/metrics';

describe('examples/metrics.ts', () => {
  it('counts error responses in http_errors_total by status, route pattern, method and error type, scraped at /metrics', async () => {
    const app = createApp();
    await request(app).get('/api/users/42').expect(404);
    await request(app).get('/api/users/7').expect(404);
    await request(app).get('/report').expect(503);
    await request(app).get('/nowhere').expect(404);
    await request(app).post('/report').expect(501);
    const res = await request(app).get('/metrics');
    expect(res.status).toBe(200);
    // Prometheus text format 0.0.4 (Express 4 and 5 order the parameters differently).
    expect(res.headers['content-type']).toMatch(/^text\/plain;/);
    expect(res.headers['content-type']).toContain('version=0.0.4');
    const series = res.text.split('\n').filter((line) => line.startsWith('http_errors_total{'));
    expect(series.sort()).toEqual(
      [
        'http_errors_total{status="404",route="/api/users/:id",method="GET",error_type="NotFound"} 2',
        'http_errors_total{status="503",route="/report",method="GET",error_type="ServiceUnavailable"} 1',
        'http_errors_total{status="404",route="",method="GET",error_type="NotFound"} 1',
        'http_errors_total{status="501",route="",method="POST",error_type="NotImplemented"} 1',
      ].sort(),
    );
    expect(res.text).toContain('# TYPE http_errors_total counter');
    expect(res.text).not.toContain('/api/users/42');
  });
});
