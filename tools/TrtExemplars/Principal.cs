namespace TrtOrleans.Tools.Exemplars;

/// <summary>Centring and principal-component reduction by orthogonal (subspace) iteration on the covariance matrix:
/// enough precision for a retrieval table, no numerical library needed.</summary>
internal static class Principal
{
    public static List<float[]> Project(IReadOnlyList<float[]> vectors, int k)
    {
        var n = vectors[0].Length;
        var mean = new double[n];
        foreach (var v in vectors)
        {
            for (var d = 0; d < n; d++)
            {
                mean[d] += v[d];
            }
        }

        for (var d = 0; d < n; d++)
        {
            mean[d] /= vectors.Count;
        }

        var covariance = new double[n, n];
        var centred = new double[n];
        foreach (var v in vectors)
        {
            for (var d = 0; d < n; d++)
            {
                centred[d] = v[d] - mean[d];
            }

            for (var a = 0; a < n; a++)
            {
                var ca = centred[a];
                for (var b = a; b < n; b++)
                {
                    covariance[a, b] += ca * centred[b];
                }
            }
        }

        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < a; b++)
            {
                covariance[a, b] = covariance[b, a];
            }
        }

        var basis = k >= n ? Identity(n) : TopSubspace(covariance, n, k);
        var result = new List<float[]>(vectors.Count);
        foreach (var v in vectors)
        {
            var p = new float[basis.Length];
            for (var j = 0; j < basis.Length; j++)
            {
                double s = 0;
                for (var d = 0; d < n; d++)
                {
                    s += (v[d] - mean[d]) * basis[j][d];
                }

                p[j] = (float)s;
            }

            result.Add(p);
        }

        return result;
    }

    private static double[][] Identity(int n) =>
        Enumerable.Range(0, n).Select(i => Enumerable.Range(0, n).Select(j => i == j ? 1.0 : 0.0).ToArray()).ToArray();

    private static double[][] TopSubspace(double[,] c, int n, int k)
    {
        var random = new Random(7);
        var q = Enumerable.Range(0, k).Select(_ => Enumerable.Range(0, n).Select(_ => random.NextDouble() - 0.5).ToArray()).ToArray();
        Orthonormalise(q);
        for (var iteration = 0; iteration < 60; iteration++)
        {
            for (var j = 0; j < k; j++)
            {
                var z = new double[n];
                for (var a = 0; a < n; a++)
                {
                    double s = 0;
                    for (var b = 0; b < n; b++)
                    {
                        s += c[a, b] * q[j][b];
                    }

                    z[a] = s;
                }

                q[j] = z;
            }

            Orthonormalise(q);
        }

        return q;
    }

    private static void Orthonormalise(double[][] q)
    {
        for (var j = 0; j < q.Length; j++)
        {
            for (var i = 0; i < j; i++)
            {
                var dot = q[j].Zip(q[i], (x, y) => x * y).Sum();
                for (var d = 0; d < q[j].Length; d++)
                {
                    q[j][d] -= dot * q[i][d];
                }
            }

            var norm = Math.Sqrt(q[j].Sum(x => x * x));
            for (var d = 0; d < q[j].Length; d++)
            {
                q[j][d] /= norm;
            }
        }
    }
}
